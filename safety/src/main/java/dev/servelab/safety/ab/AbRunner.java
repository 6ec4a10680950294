package dev.servelab.safety.ab;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.PipelineRun;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.TraceSniffer;
import dev.servelab.engine.workload.TraceTransforms;
import dev.servelab.engine.workload.WorkloadFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs the rounds of an A/B comparison through the engine into the run store. In round i both arms
 * replay the same workload: the baseline pipeline's workload opened with round i's seed, or, with a
 * trace, the whole trace or its i-th window (re-based to time 0). That is the pairing — both arms meet
 * exactly the same requests at the same times. Each arm's own randomness (random routers, samplers)
 * is seeded independently (the baseline with the round's seed, the candidate with a mix of it), as two
 * deployments sharing traffic would be; so two identical pipelines with deterministic policies give
 * identical runs, and with random policies give runs that differ only by that randomness.
 */
public final class AbRunner {
    private final AbPlan plan;
    private final PluginRegistry registry;
    private final RunStore store;
    private final Consumer<String> progress;

    public AbRunner(AbPlan plan, PluginRegistry registry, RunStore store, Consumer<String> progress) {
        this.plan = plan;
        this.registry = registry;
        this.store = store;
        this.progress = progress;
    }

    /** The pipelines as loaded with no override, to validate them (and name them) before any run. */
    public PipelineSpec[] load() {
        return new PipelineSpec[]{PipelineLoader.load(plan.baseline(), List.of()), PipelineLoader.load(plan.candidate(), List.of())};
    }

    public List<AbRound> run() {
        PipelineSpec[] specs = load();
        String format = plan.trace() == null ? null
                : plan.format() != null ? plan.format() : TraceSniffer.sniff(registry, plan.trace());
        ArmFigures baseFigures = new ArmFigures(specs[0]);
        ArmFigures candFigures = new ArmFigures(specs[1]);
        List<AbRound> rounds = new ArrayList<>();
        for (int i = 0; i < plan.rounds(); i++) {
            long seed = plan.seed(i, specs[0].seed());
            PipelineSpec base = PipelineLoader.load(plan.baseline(), List.of("seed=" + seed));
            PipelineSpec cand = PipelineLoader.load(plan.candidate(), List.of("seed=" + SplitMix64.mix(seed)));
            String label = label(i, seed, format, base);
            PipelineRun baseRun = new PipelineRun(base, registry, open(i, seed, format, base), label, 0, store);
            PipelineRun candRun = new PipelineRun(cand, registry, open(i, seed, format, base), label, 0, store);
            ArmRun b = arm(baseRun, baseFigures, i);
            ArmRun c = arm(candRun, candFigures, i);
            rounds.add(new AbRound(i + 1, seed, label, b, c));
            progress.accept(String.format(Locale.ROOT, "round %d/%d (%s): baseline run %d, candidate run %d",
                    i + 1, plan.rounds(), label, b.runId(), c.runId()));
        }
        return rounds;
    }

    private ArmRun arm(PipelineRun run, ArmFigures figures, int round) {
        RunOutcome out = run.run("sim", null);
        if (out.status() != RunStatus.COMPLETED) {
            throw new ServeLabException("round " + (round + 1) + ": run " + out.runId() + " " + out.status().dbValue() + ": " + out.error());
        }
        if (out.metrics().completed() == 0) {
            throw new ServeLabException("round " + (round + 1) + ": run " + out.runId() + " completed no request"
                    + (plan.windowS() > 0 ? " (the trace has no requests in this window: fewer rounds or a shorter --window)" : ""));
        }
        return new ArmRun(out.runId(), figures.of(out.metrics()));
    }

    private RequestStream open(int round, long seed, String format, PipelineSpec base) {
        if (plan.trace() == null) return WorkloadFactory.open(registry, base.workload(), seed, 0, base.baseDir());
        TraceTransforms t = plan.windowS() > 0
                ? new TraceTransforms(round * plan.windowS(), (round + 1) * plan.windowS(), 1, 1.0, 0)
                : TraceTransforms.NONE;
        return WorkloadFactory.openTrace(registry, format, null, plan.trace(), t, "--trace");
    }

    private String label(int round, long seed, String format, PipelineSpec base) {
        if (plan.trace() == null) return base.workload().type() + " seed " + seed;
        String file = format + ":" + plan.trace().getFileName();
        if (plan.windowS() <= 0) return file;
        return String.format(Locale.ROOT, "%s [%s s, %s s)", file, num(round * plan.windowS()), num((round + 1) * plan.windowS()));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
