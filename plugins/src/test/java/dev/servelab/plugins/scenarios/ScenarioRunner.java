package dev.servelab.plugins.scenarios;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario of {@code docs/scenarios.md}: a pipeline file with {@code --set}-style overrides
 * over a real trace read by its reader plugin, into a throw-away SQLite store, and prints one JSON
 * line of the headline numbers (the same run as {@code servelab run}, with fewer keys). The run goes
 * through the test kit's {@link PipelineScenario}, so its end-of-run invariants are checked too.
 * Usage: {@code ScenarioRunner PIPELINE TRACE FORMAT RATE_SCALE LIMIT [KEY=VALUE ...]}.
 */
public final class ScenarioRunner {
    private static final List<String> KEYS = List.of("completed", "rejected", "duration", "request_throughput",
            "output_throughput", "request_goodput", "prefix_cache_hit_ratio", "mean_ttft_ms", "median_ttft_ms", "p99_ttft_ms",
            "mean_tpot_ms", "p99_tpot_ms", "median_itl_ms", "p99_itl_ms", "preemptions", "prefix_hit_tokens_gpu",
            "prefix_hit_tokens_cpu", "prefix_hit_tokens_disk", "sim_wall_s");

    private ScenarioRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path pipeline = Path.of(args[0]);
        Path trace = Path.of(args[1]);
        String format = args[2];
        double rateScale = Double.parseDouble(args[3]);
        long limit = Long.parseLong(args[4]);
        List<String> overrides = Arrays.asList(args).subList(5, args.length);
        PluginRegistry registry = PluginRegistry.load();
        RequestStream stream = WorkloadFactory.openTrace(registry, format, JsonNodeFactory.instance.objectNode(), trace,
                rateScale, limit, "trace");
        PipelineScenario scenario = PipelineScenario.file(pipeline).registry(registry).stream(stream);
        for (String o : overrides) scenario.set(o);
        PipelineResult out = scenario.run();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pipeline", pipeline.getFileName().toString());
        row.put("overrides", String.join(" ", overrides));
        for (String k : KEYS) row.put(k, out.summary().get(k));
        System.out.println(new ObjectMapper().writeValueAsString(row));
    }
}
