package dev.servelab.safety.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.plugins.rollout.Gate;
import dev.servelab.plugins.rollout.RuleCheck;
import dev.servelab.safety.ab.AbComparison;
import dev.servelab.safety.ab.AbPlan;
import dev.servelab.safety.ab.AbResult;
import dev.servelab.safety.ab.ComparedMetric;
import dev.servelab.safety.report.ReportFile;
import dev.servelab.safety.stats.MetricComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code servelab ab BASELINE CANDIDATE}: paired A/B comparison of two pipelines. Exit 0 when done (and
 * every gate rule holds), 1 when a gate rule fails, 2 on bad input.
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Compare two pipelines in paired rounds on the same workload: per metric the difference with a"
                + " 95 % confidence interval, a Wilcoxon signed-rank p-value and a verdict (better, worse, no significant"
                + " difference); optionally check a gate.",
                "Exit status: 0 done (gate holds), 1 a gate rule fails, 2 bad input."})
public final class AbCommand implements Callable<Integer> {
    public static final int EXIT_GATE_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "Baseline pipeline (.yaml, .yml or .json)")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "Candidate pipeline")
    Path candidate;

    @Option(names = "--trace", paramLabel = "FILE", description = "Replay this trace in both arms instead of the baseline's workload")
    Path trace;

    @Option(names = "--format", paramLabel = "ID", description = "Trace format id (e.g. trace.mooncake); guessed when omitted")
    String format;

    @Option(names = "--rounds", paramLabel = "N", description = "Paired rounds (default: the number of --seeds, else "
            + AbPlan.DEFAULT_ROUNDS + ")")
    Integer rounds;

    @Option(names = "--window", paramLabel = "DURATION", description = "With --trace: round i replays the trace's i-th window"
            + " of this length (e.g. 600s, 10m)")
    String window;

    @Option(names = "--seeds", paramLabel = "S", arity = "1..*", description = "Workload seed of each round (default: the baseline's seed, +1 per round)")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--gate", paramLabel = "GATE.yaml", description = "Rules the candidate must hold; exit 1 when one fails")
    Path gate;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write a report: FILE.md (Markdown) or FILE.html")
    Path report;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        int n = rounds != null ? rounds : seeds.isEmpty() ? AbPlan.DEFAULT_ROUNDS : seeds.size();
        AbPlan plan = new AbPlan(baseline, candidate, trace, format, n, window == null ? 0 : AbPlan.parseWindow(window), seeds);
        Gate rules = gate == null ? null : Gate.read(gate, ComparedMetric.keys());
        if (report != null) ReportFile.check(report);
        PrintWriter err = spec.commandLine().getErr();
        AbResult result;
        try (RunStore store = RunStore.open(db.path())) {
            result = AbComparison.run(plan, rules, PluginRegistry.load(), store, line -> {
                err.println(line);
                err.flush();
            });
        }
        if (report != null) ReportFile.write(report, result);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(json(result));
        else print(out, result);
        out.flush();
        if (result.gate() != null && !result.gate().passed()) {
            for (RuleCheck rc : result.gate().failed()) err.println("gate failed: " + rc.message());
            err.flush();
            return EXIT_GATE_FAILED;
        }
        return 0;
    }

    private static void print(PrintWriter out, AbResult r) {
        out.printf(Locale.ROOT, "A/B comparison %d: %s (candidate) vs %s (baseline), %d paired rounds%n", r.comparisonId(),
                r.candidateName(), r.baselineName(), r.rounds().size());
        out.printf(Locale.ROOT, "%-24s %12s %12s %12s %25s %9s  %s%n", "metric", "baseline", "candidate", "difference",
                "95% CI", "p (adj.)", "verdict");
        for (MetricComparison c : r.metrics().values()) {
            out.printf(Locale.ROOT, "%-24s %12.4g %12.4g %+12.4g %25s %9.3g  %s%n", c.metric(), c.baseline(), c.candidate(),
                    c.difference(), String.format(Locale.ROOT, "[%.4g, %.4g]", c.ciLow(), c.ciHigh()), c.pAdjusted(),
                    c.verdict().label());
        }
        if (r.gate() != null) {
            out.println("gate: " + (r.gate().passed() ? "passed" : "FAILED"));
            for (RuleCheck rc : r.gate().checks()) out.println("  " + (rc.passed() ? "ok   " : "FAIL ") + rc.message());
        }
    }

    private static String json(AbResult r) {
        try {
            return new ObjectMapper().writeValueAsString(r.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
