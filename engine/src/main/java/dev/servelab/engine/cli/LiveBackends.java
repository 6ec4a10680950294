package dev.servelab.engine.cli;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --backend ID}: runs every engine pool on the live executor {@code exec.ID}, keeping its other
 * settings; remote pools keep their endpoints.
 */
final class LiveBackends {
    private static final List<String> KNOWN = List.of("jvm", "tornadovm");

    private LiveBackends() {
    }

    static PipelineSpec apply(PipelineSpec p, String backend, Path file, List<String> overrides) {
        if (!KNOWN.contains(backend)) {
            throw new ServeLabException("--backend " + backend + ": expected one of " + String.join(", ", KNOWN));
        }
        List<String> all = new ArrayList<>(overrides);
        for (int i = 0; i < p.pools().size(); i++) {
            if (!p.pools().get(i).isRemote()) all.add("pools." + i + ".executor.type=exec." + backend);
        }
        return PipelineLoader.load(file, all);
    }
}
