package dev.servelab.engine.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingInfo;
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
 * the other keys go to the reader). Either kind may have {@code adapters} ({@link AdapterMix}): the LoRA
 * adapter of each request.
 */
public final class WorkloadFactory {
    private WorkloadFactory() {
    }

    public static RequestStream open(PluginRegistry registry, NodeSpec node, long seed, long requestLimit, Path baseDir) {
        if (node.settings() != null && node.settings().has(AdapterMix.KEY)) {
            ObjectNode rest = node.settings().deepCopy();
            AdapterMix mix = AdapterMix.take(rest, node.path());
            RequestStream inner = open(registry, new NodeSpec(node.path(), node.type(), rest), seed, requestLimit, baseDir);
            return mix == null ? inner : mix.apply(inner, seed);
        }
        if (node.type() != null && node.type().startsWith(PluginKind.TRACE.prefix() + ".")) {
            ObjectNode settings = node.settings().deepCopy();
            JsonNode file = settings.remove("file");
            TraceTransforms transforms = TraceTransforms.take(settings, node.path()).withLimit(requestLimit);
            if (file == null || !file.isTextual()) throw new ServeLabException(node.path() + ".file: a trace workload needs a file");
            Path p = traceFile(file.asText(), baseDir);
            String missing = missingFile(p);
            if (missing != null) throw new ServeLabException(node.path() + ".file: " + missing);
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
        return problems(registry, node, null, false);
    }

    /**
     * As {@link #problems(PluginRegistry, NodeSpec)}, and, for a trace, a {@code file} that does not exist
     * or cannot be read (resolved against {@code baseDir} as {@link #open} resolves it; the file is not read).
     */
    public static List<SettingProblem> problems(PluginRegistry registry, NodeSpec node, Path baseDir) {
        return problems(registry, node, baseDir, true);
    }

    /** The settings a workload node of this type takes: a generator's, or a trace's {@code file}, transformations and reader settings. */
    public static List<SettingInfo> settings(PluginRegistry registry, String type) {
        PluginDescriptor d = registry.all().stream().filter(x -> x.id().equals(type)).findFirst().orElse(null);
        List<SettingInfo> own = d == null ? List.of() : d.settings();
        if (type == null || !type.startsWith(PluginKind.TRACE.prefix() + ".")) return own;
        List<SettingInfo> out = new ArrayList<>();
        out.add(FILE);
        out.addAll(TraceTransforms.SETTINGS);
        out.addAll(own);
        return List.copyOf(out);
    }

    /** A trace node's {@code file} setting. */
    public static final SettingInfo FILE = new SettingInfo("file", String.class, null,
            "the trace file (a path relative to the pipeline file's folder)", "", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private static Path traceFile(String file, Path baseDir) {
        return baseDir == null ? Path.of(file) : baseDir.resolve(file);
    }

    /** Why a trace file cannot be opened ({@code path: trace file not found or not readable}), or null. */
    private static String missingFile(Path p) {
        return Files.isReadable(p) && !Files.isDirectory(p) ? null : p + ": trace file not found or not readable";
    }

    private static List<SettingProblem> problems(PluginRegistry registry, NodeSpec node, Path baseDir, boolean checkFile) {
        if (node.settings() != null && node.settings().has(AdapterMix.KEY)) {
            ObjectNode rest = node.settings().deepCopy();
            List<SettingProblem> out = new ArrayList<>();
            try {
                AdapterMix.take(rest, node.path());
            } catch (ServeLabException e) {
                out.add(SettingProblem.fromMessage(e.getMessage(), node.path()));
            }
            out.addAll(problems(registry, new NodeSpec(node.path(), node.type(), rest), baseDir, checkFile));
            return out;
        }
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
        if (file == null || !file.isTextual()) {
            out.add(new SettingProblem(node.path() + ".file", "a trace workload needs a file"));
        } else if (checkFile) {
            String missing = missingFile(traceFile(file.asText(), baseDir));
            if (missing != null) out.add(new SettingProblem(node.path() + ".file", missing));
        }
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
