package dev.servelab.plugins.cachereplay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code servelab cache-replay}: replays a trace's prefix-hash chains through a KV block cache per
 * policy and capacity (no timing) and prints {@code hit_blocks}, {@code total_blocks} and
 * {@code hit_ratio} for each; optionally draws the hit-ratio curve into a PNG. The policies are the
 * registered {@code kv.*} eviction plugins, replayed through the engine's KV cache ({@link CacheReplay}).
 */
@Command(name = "cache-replay", mixinStandardHelpOptions = true,
        description = "Replay a trace's prefix blocks through a KV cache per eviction policy and capacity (no timing).")
public final class CacheReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--trace", required = true, description = "trace file (JSONL with hash_ids for trace.mooncake)")
    Path trace;

    @Option(names = "--format", defaultValue = ChainSource.MOONCAKE, description = "trace format id (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--capacity-blocks", split = ",", defaultValue = "0",
            description = "capacities in blocks, comma-separated; 0 = unlimited (default: ${DEFAULT-VALUE})")
    List<Long> capacities;

    @Option(names = "--policy", description = "eviction plugin id, repeatable: any registered kv.* id (built-in: kv.lru, kv.lfu,"
            + " kv.fifo, kv.s3-fifo; default kv.lru)")
    List<String> policies;

    @Option(names = "--json", description = "print a JSON array")
    boolean json;

    @Option(names = "--plot", description = "also write the hit-ratio curve to this PNG file")
    Path plot;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(trace)) throw new ServeLabException(trace + ": trace file not found or not readable");
        for (long c : capacities) if (c < 0) throw new ServeLabException("--capacity-blocks: " + c + " is negative");
        List<String> ids = policies == null ? List.of("kv.lru") : policies;
        PluginRegistry registry = PluginRegistry.load();
        CacheReplay.requirePolicies(registry, ids);
        List<ReplayResult> results = CacheReplay.run(ChainSource.read(trace, format, registry), ids, capacities, registry);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(results));
        else table(out, results);
        if (plot != null) CurvePlot.write(HitRatioCurve.of(trace.getFileName().toString(), results), plot);
        out.flush();
        return 0;
    }

    static String json(List<ReplayResult> results) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReplayResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", r.policy());
            m.put("capacity_blocks", r.capacityBlocks());
            m.put("hit_blocks", r.hitBlocks());
            m.put("total_blocks", r.totalBlocks());
            m.put("hit_ratio", r.hitRatio());
            rows.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows);
    }

    private static void table(PrintWriter out, List<ReplayResult> results) {
        out.printf(Locale.ROOT, "%-12s %15s %12s %12s %9s%n", "policy", "capacity_blocks", "hit_blocks", "total_blocks", "hit_ratio");
        for (ReplayResult r : results) {
            out.printf(Locale.ROOT, "%-12s %15s %12d %12d %9.4f%n", r.policy(),
                    r.capacityBlocks() == 0 ? "unlimited" : Long.toString(r.capacityBlocks()),
                    r.hitBlocks(), r.totalBlocks(), r.hitRatio());
        }
    }
}
