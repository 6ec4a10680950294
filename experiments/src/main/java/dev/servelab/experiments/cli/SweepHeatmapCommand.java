package dev.servelab.experiments.cli;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.plot.HeatGrid;
import dev.servelab.experiments.plot.HeatMapPlot;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.sweep.SweepMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code servelab sweep heatmap ID --x PATH --y PATH --metric M --out F.png}: a metric over two varied
 * fields; points sharing a cell (other axes, seeds) are averaged. The table is printed too.
 */
@Command(name = "heatmap", mixinStandardHelpOptions = true, description = "Plot a metric over two varied fields of an experiment (PNG).")
public final class SweepHeatmapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Experiment id")
    long id;

    @Option(names = "--x", paramLabel = "PATH", required = true, description = "Varied field on the x axis, e.g. pools.0.scheduler.chunk_size")
    String x;

    @Option(names = "--y", paramLabel = "PATH", required = true, description = "Varied field on the y axis")
    String y;

    @Option(names = "--metric", paramLabel = "METRIC", required = true, description = "Metric in the cells")
    String metric;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "PNG file to write")
    Path out;

    @Mixin
    DbOption db;

    @Override
    public Integer call() throws IOException {
        if (!SweepMetrics.known(metric)) throw new ServeLabException("--metric: unknown metric '" + metric + "'");
        try (RunStore runs = RunStore.open(db.path()); ExperimentStore xs = ExperimentStore.open(runs)) {
            StoredExperiment e = StoredExperiment.load(xs, id);
            HeatGrid g = HeatGrid.of(e.points(), x, y, metric);
            List<String> xv = g.xs();
            List<String> yv = g.ys();
            double[][] mean = g.mean();
            HeatMapPlot.write(out, e.info().name() + ": " + metric, x, xv, y, yv, mean);
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + out);
            o.printf(Locale.ROOT, "%-14s", y + " \\ " + x);
            for (String a : xv) o.printf(Locale.ROOT, " %12s", a);
            o.println();
            for (int yi = 0; yi < yv.size(); yi++) {
                o.printf(Locale.ROOT, "%-14s", yv.get(yi));
                for (double v : mean[yi]) o.printf(Locale.ROOT, " %12s", Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4g", v));
                o.println();
            }
            if (!g.hasValues()) throw new ServeLabException("experiment " + id + ": no completed point has " + metric);
        }
        return 0;
    }
}
