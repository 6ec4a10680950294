package dev.servelab.engine.cli;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.LiveExecutors;
import dev.servelab.engine.plugin.PluginRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --backend ID}: runs every engine pool on the live executor {@code exec.ID}, keeping its other
 * settings; remote pools keep their endpoints. The backends offered are the live executor plugins
 * found on the class path ({@link LiveExecutors}).
 */
final class LiveBackends {
    private LiveBackends() {
    }

    static PipelineSpec apply(PipelineSpec p, String backend, Path file, List<String> overrides) {
        List<String> known = LiveExecutors.backends(PluginRegistry.load());
        if (!known.contains(backend)) {
            throw new ServeLabException("--backend " + backend + ": expected one of " + String.join(", ", known));
        }
        List<String> all = new ArrayList<>(overrides);
        for (int i = 0; i < p.pools().size(); i++) {
            if (!p.pools().get(i).isRemote()) all.add("pools." + i + ".executor.type=" + LiveExecutors.executorOf(backend));
        }
        return PipelineLoader.load(file, all);
    }
}
