package dev.servelab.experiments.cli;

import dev.servelab.engine.cli.Json;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.experiments.engines.SweepEngine;
import dev.servelab.experiments.engines.SweepEngines;
import dev.servelab.experiments.point.CancelToken;
import dev.servelab.experiments.run.SweepOutcome;
import dev.servelab.experiments.run.SweepReport;
import dev.servelab.experiments.run.SweepRunner;
import dev.servelab.experiments.store.ExperimentStatus;
import dev.servelab.experiments.sweep.SweepReader;
import dev.servelab.experiments.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code servelab sweep run SWEEP.yaml}: runs (or resumes) a sweep, every point a stored run. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a sweep; re-running the same sweep skips the points already stored.")
public final class SweepRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SWEEP", description = "Sweep file (.yaml)")
    Path sweep;

    @Option(names = "--engine", paramLabel = "ID", defaultValue = "local", description = "local (all cores) or spark (default ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. spark://HOST:7077 (default local[N])")
    String master;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "0", description = "Points at once (default: all cores)")
    int parallel;

    @Mixin
    DbOption db;

    @Option(names = "--json", description = "Print one JSON object: experiment_id, points, best")
    boolean json;

    @Override
    public Integer call() {
        if (parallel < 0) throw new ServeLabException("--parallel must be >= 0");
        if (master != null && !engine.equals("spark")) throw new ServeLabException("--master needs --engine spark");
        SweepSpec s = SweepReader.read(sweep, PluginRegistry.load());
        SweepEngine e = SweepEngines.find(engine);
        PrintWriter err = spec.commandLine().getErr();
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            await(finished);
        }, "servelab-sweep-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        SweepOutcome out;
        try {
            out = SweepRunner.run(s, e, new SweepEngine.Options(db.path(), parallel, master, cancel), err);
        } finally {
            finished.countDown();
        }
        removeHook(hook);
        if (out.status() == ExperimentStatus.CANCELLED) {
            err.println("cancelled: experiment " + out.experimentId() + " marked cancelled with " + out.points().size() + " points stored");
            return Main.EXIT_CANCELLED;
        }
        if (json) spec.commandLine().getOut().println(Json.compact(SweepReport.of(out.experimentId(), out.points(), out.best())));
        else summary(out);
        return 0;
    }

    private void summary(SweepOutcome out) {
        PrintWriter o = spec.commandLine().getOut();
        long feasible = out.points().stream().filter(p -> p.feasible()).count();
        o.printf(Locale.ROOT, "experiment %d: %d points (%d feasible), %d run now in %.1f s (%s)%n", out.experimentId(),
                out.points().size(), feasible, out.ranNow(), out.seconds(), db.path());
        if (out.best() != null) {
            o.println("best: point " + out.best().pointId() + " (run " + out.best().runId() + ") " + out.best().paramsJson());
        }
        o.println("see: servelab sweep show " + out.experimentId());
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(15, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down
        }
    }
}
