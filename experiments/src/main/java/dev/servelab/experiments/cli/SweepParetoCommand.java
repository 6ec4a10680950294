package dev.servelab.experiments.cli;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.plot.Pareto;
import dev.servelab.experiments.plot.ParetoPlot;
import dev.servelab.experiments.point.PointStatus;
import dev.servelab.experiments.run.SweepReport;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code servelab sweep pareto ID --x M --y M --out F.png}: the Pareto chart of two metrics, and the frontier's points on stdout. */
@Command(name = "pareto", mixinStandardHelpOptions = true,
        description = "Plot two metrics of an experiment's points (PNG) with the Pareto frontier of the feasible ones.")
public final class SweepParetoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Experiment id")
    long id;

    @Option(names = "--x", paramLabel = "METRIC", required = true, description = "Metric on the x axis, e.g. cost_per_hour_usd")
    String x;

    @Option(names = "--y", paramLabel = "METRIC", required = true, description = "Metric on the y axis, e.g. p99_ttft_ms")
    String y;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "PNG file to write")
    Path out;

    @Option(names = "--series", paramLabel = "PATH[,PATH...]", split = ",",
            description = "Draw one curve per distinct value of these parameters instead of the frontier; a path may reach"
                    + " inside a varied object (pools.0.hardware, workload.output.mean), e.g. one curve per hardware and"
                    + " output length with concurrency along it")
    List<String> series = List.of();

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        for (String m : List.of(x, y)) {
            if (!SweepMetrics.known(m)) throw new ServeLabException("--x/--y: unknown metric '" + m + "' (known: " + String.join(", ", SweepMetrics.names()) + ")");
        }
        try (RunStore runs = RunStore.open(db.path()); ExperimentStore xs = ExperimentStore.open(runs)) {
            StoredExperiment e = StoredExperiment.load(xs, id);
            List<Pareto.Point> points = new ArrayList<>();
            for (StoredPoint p : e.points()) {
                if (p.status() != PointStatus.COMPLETED) continue;
                Map<String, Object> m = SweepReport.metrics(p);
                if (m.get(x) instanceof Number nx && m.get(y) instanceof Number ny) {
                    points.add(new Pareto.Point(p.pointId(), nx.doubleValue(), ny.doubleValue(), p.feasible()));
                }
            }
            if (points.isEmpty()) throw new ServeLabException("experiment " + id + ": no completed point has both " + x + " and " + y);
            if (!series.isEmpty()) {
                java.util.Map<String, List<Pareto.Point>> curves = new java.util.LinkedHashMap<>();
                for (StoredPoint p : e.points()) {
                    Pareto.Point pt = points.stream().filter(q -> q.id() == p.pointId()).findFirst().orElse(null);
                    if (pt != null) curves.computeIfAbsent(SeriesKey.of(p.paramsJson(), series), k -> new ArrayList<>()).add(pt);
                }
                ParetoPlot.writeSeries(out, e.info().name() + ": " + y + " vs " + x, x, y, String.join(" · ", series), curves);
                PrintWriter o = spec.commandLine().getOut();
                o.printf(Locale.ROOT, "wrote %s: %d points in %d series%n", out, points.size(), curves.size());
                curves.forEach((k, v) -> {
                    o.printf(Locale.ROOT, "  %s = %s%n", String.join(" ", series), k);
                    v.stream().sorted(java.util.Comparator.comparingDouble(Pareto.Point::x)).forEach(pt -> o.printf(Locale.ROOT,
                            "    point %d: %s=%.6g %s=%.6g%n", pt.id(), x, pt.x(), y, pt.y()));
                });
                return 0;
            }
            List<Pareto.Point> frontier = Pareto.frontier(points.stream().filter(Pareto.Point::feasible).toList(),
                    SweepMetrics.lowerIsBetter(x), SweepMetrics.lowerIsBetter(y));
            ParetoPlot.write(out, e.info().name() + ": " + y + " vs " + x, x, y, points, frontier);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %s: %d points, %d feasible, %d on the frontier%n", out, points.size(),
                    points.stream().filter(Pareto.Point::feasible).count(), frontier.size());
            for (Pareto.Point p : frontier) o.printf(Locale.ROOT, "  point %d: %s=%.6g %s=%.6g%n", p.id(), x, p.x(), y, p.y());
        }
        return 0;
    }
}
