package dev.servelab.engine.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingProblem;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.TraceReader;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the request stream of a pipeline's workload node: a generator ({@code workload.*}) or a
 * trace ({@code trace.*} with {@code file} and the optional {@link TraceTransforms} keys
 * {@code window_start_s}, {@code window_end_s}, {@code replay}, {@code rate_scale} and {@code limit};
 * the other keys go to the reader).
 */
public final class WorkloadFactory {
    private WorkloadFactory() {
    }

    public static RequestStream open(PluginRegistry registry, NodeSpec node, long seed, long requestLimit, Path baseDir) {
        if (node.type() != null && node.type().startsWith(PluginKind.TRACE.prefix() + ".")) {
            ObjectNode settings = node.settings().deepCopy();
            JsonNode file = settings.remove("file");
            TraceTransforms transforms = TraceTransforms.take(settings, node.path()).withLimit(requestLimit);
            if (file == null || !file.isTextual()) throw new ServeLabException(node.path() + ".file: a trace workload needs a file");
            Path p = baseDir == null ? Path.of(file.asText()) : baseDir.resolve(file.asText());
            return openTrace(registry, node.type(), settings, p, transforms, node.path());
        }
        WorkloadGenerator g = registry.create(PluginKind.WORKLOAD, node.type(), node.settings(),
                new PluginContext(seed, node.path(), -1));
        return g.open(new WorkloadContext(seed, requestLimit, baseDir));
    }

    /**
     * What {@link #open} would reject in the workload node's settings, without opening anything (the
     * trace file is not read): for a trace, a missing {@code file}, bad window/replay keys and the
     * reader's settings; for a generator, its settings. Worded as {@code open} words them.
     */
    public static List<SettingProblem> problems(PluginRegistry registry, NodeSpec node) {
        if (node.type() == null || !node.type().startsWith(PluginKind.TRACE.prefix() + ".")) {
            return registry.problems(PluginKind.WORKLOAD, node.type(), node.settings(), node.path());
        }
        List<SettingProblem> out = new ArrayList<>();
        ObjectNode settings = node.settings().deepCopy();
        JsonNode file = settings.remove("file");
        try {
            TraceTransforms.take(settings, node.path());
        } catch (ServeLabException e) {
            out.add(SettingProblem.fromMessage(e.getMessage(), node.path()));
            settings.remove(TraceTransforms.KEYS);
        }
        if (file == null || !file.isTextual()) out.add(new SettingProblem(node.path() + ".file", "a trace workload needs a file"));
        out.addAll(registry.problems(PluginKind.TRACE, node.type(), settings, node.path()));
        return out;
    }

    public static RequestStream openTrace(PluginRegistry registry, String format, JsonNode settings, Path file,
                                          double rateScale, long limit, String nodePath) {
        return openTrace(registry, format, settings, file,
                new TraceTransforms(0, Double.POSITIVE_INFINITY, 1, rateScale, limit), nodePath);
    }

    public static RequestStream openTrace(PluginRegistry registry, String format, JsonNode settings, Path file,
                                          TraceTransforms transforms, String nodePath) {
        if (!Files.isReadable(file)) {
            String where = nodePath.startsWith("--") ? nodePath : nodePath + ".file";
            throw new ServeLabException(where + ": " + file + ": trace file not found or not readable");
        }
        TraceReader reader = registry.create(PluginKind.TRACE, format, settings, new PluginContext(0, nodePath, -1));
        try {
            return transforms.apply(() -> reader.open(file));
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read trace: " + e.getMessage(), e);
        }
    }
}
