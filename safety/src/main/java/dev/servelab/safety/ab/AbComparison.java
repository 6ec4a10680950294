package dev.servelab.safety.ab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.plugins.rollout.Gate;
import dev.servelab.safety.stats.MetricComparison;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One whole comparison: validate, run the rounds, compare, check the gate, store the comparison with
 * its links and result. Bad input (pipelines, trace, gate) fails before the first run.
 */
public final class AbComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AbComparison() {
    }

    public static AbResult run(AbPlan plan, Gate gate, PluginRegistry registry, RunStore store, Consumer<String> progress) {
        AbRunner runner = new AbRunner(plan, registry, store, progress);
        PipelineSpec[] specs = runner.load();
        List<AbRound> rounds = runner.run();
        Map<String, MetricComparison> metrics = AbAnalysis.compare(rounds);
        GateOutcome outcome = gate == null ? null : AbAnalysis.check(gate, rounds);
        ComparisonStore comparisons = new ComparisonStore(store);
        long id = comparisons.insert(plan.baseline().toString(), plan.candidate().toString(), specs[0].name(),
                specs[1].name(), rounds);
        AbResult result = new AbResult(id, specs[0].name(), specs[1].name(), rounds, metrics, outcome);
        comparisons.finish(id, json(result.toJson()), outcome == null ? null : outcome.passed());
        return result;
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
