package dev.servelab.experiments.cli;

import dev.servelab.engine.cli.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.point.CapacityRun;
import dev.servelab.experiments.point.CapacitySearch;
import dev.servelab.experiments.sweep.CapacityGoal;
import dev.servelab.experiments.sweep.Constraint;
import dev.servelab.experiments.sweep.SweepMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code servelab capacity PIPELINE --slo p99_ttft_ms=500,p99_tpot_ms=50}: the largest arrival rate (or
 * smallest replica count) meeting the SLO, by bisection, every try a stored run.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = "Find the largest arrival rate (or smallest replica count) whose run meets an SLO, by bisection.")
public final class CapacityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PIPELINE", description = "Pipeline file")
    Path pipeline;

    @Option(names = "--slo", paramLabel = "METRIC=BOUND,...", required = true, split = ",",
            description = "Bounds every run must meet, e.g. p99_ttft_ms=500,p99_tpot_ms=50")
    List<String> slo = new ArrayList<>();

    @Option(names = "--attainment", paramLabel = "X", description = "Also require this share of requests to meet the per-request SLO (0..1)")
    Double attainment;

    @Option(names = "--find", paramLabel = "GOAL", defaultValue = "max-rate", description = "max-rate or min-replicas (default ${DEFAULT-VALUE})")
    String find;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a pipeline field by dotted path")
    List<String> sets = new ArrayList<>();

    @Mixin
    DbOption db;

    @Option(names = "--json", description = "Print one JSON object: max_rate_per_s (or min_replicas), meets_slo, tried")
    boolean json;

    @Override
    public Integer call() {
        CapacityGoal goal = CapacityGoal.of(find);
        if (goal == null) throw new ServeLabException("--find: expected max-rate or min-replicas, got '" + find + "'");
        List<Constraint> constraints = constraints();
        ObjectNode tree = PipelineLoader.readTree(pipeline);
        for (String s : sets) dev.servelab.engine.pipeline.Overrides.apply(tree, s);
        ObjectNode sloNode = Constraint.sloNode(constraints);
        if (sloNode != null) tree.set("slo", sloNode);
        String name = tree.path("name").asText(pipeline.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""));
        Path baseDir = pipeline.toAbsolutePath().getParent();
        PipelineLoader.load(pipeline, sets);
        PluginRegistry registry = PluginRegistry.load();
        CapacitySearch.Result r;
        try (RunStore store = RunStore.open(db.path())) {
            r = CapacityRun.search(tree, name, baseDir, registry, store, goal, constraints);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(goal == CapacityGoal.MAX_RATE ? SweepMetrics.MAX_RATE_PER_S : SweepMetrics.MIN_REPLICAS,
                r.value() == null ? null : goal == CapacityGoal.MIN_REPLICAS ? (Object) r.value().longValue() : r.value());
        m.put("meets_slo", r.meetsSlo());
        m.put("tried", r.triedRows());
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.compact(m));
        else print(out, goal, r);
        return 0;
    }

    private List<Constraint> constraints() {
        List<Constraint> out = new ArrayList<>();
        for (String s : slo) {
            int eq = s.indexOf('=');
            if (eq <= 0) throw new ServeLabException("--slo " + s + ": expected METRIC=BOUND");
            String metric = s.substring(0, eq).strip();
            if (!SweepMetrics.known(metric)) throw new ServeLabException("--slo " + metric + ": unknown metric (known: " + String.join(", ", SweepMetrics.names()) + ")");
            double bound;
            try {
                bound = Double.parseDouble(s.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new ServeLabException("--slo " + s + ": the bound is not a number");
            }
            if (!(bound >= 0)) throw new ServeLabException("--slo " + s + ": the bound must be >= 0");
            out.add(new Constraint(metric, bound, SweepMetrics.lowerIsBetter(metric)));
        }
        if (attainment != null) {
            if (!(attainment >= 0 && attainment <= 1)) throw new ServeLabException("--attainment must be in [0, 1], got " + attainment);
            out.add(new Constraint(SweepMetrics.SLO_ATTAINMENT, attainment, false));
        }
        return out;
    }

    private static void print(PrintWriter out, CapacityGoal goal, CapacitySearch.Result r) {
        for (CapacitySearch.Tried t : r.tried()) {
            out.printf(Locale.ROOT, "  %s %-10.4g run %-6d %s%n", goal == CapacityGoal.MAX_RATE ? "rate/s" : "replicas", t.value(), t.runId(),
                    t.meetsSlo() ? "meets SLO" : "misses: " + t.reason());
        }
        if (r.value() == null) out.println(goal.id() + ": no tried value meets the SLO");
        else out.printf(Locale.ROOT, "%s: %.4g%n", goal == CapacityGoal.MAX_RATE ? "max rate per s" : "min replicas", r.value());
    }
}
