package dev.servelab.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.plot.HeatMapPlot;
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

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            ObjectMapper json = new ObjectMapper();
            List<String> xv = new ArrayList<>();
            List<String> yv = new ArrayList<>();
            List<String[]> cells = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            for (StoredPoint p : e.points()) {
                JsonNode params = json.readTree(p.paramsJson());
                if (!params.has(x) || !params.has(y)) throw new ServeLabException("--x/--y: experiment " + id + " does not vary " + (params.has(x) ? y : x));
                String a = params.get(x).asText();
                String b = params.get(y).asText();
                if (!xv.contains(a)) xv.add(a);
                if (!yv.contains(b)) yv.add(b);
                Map<String, Object> m = SweepReport.metrics(p);
                if (p.status() == PointStatus.COMPLETED && m.get(metric) instanceof Number n) {
                    cells.add(new String[]{a, b});
                    vals.add(n.doubleValue());
                }
            }
            double[][] sum = new double[yv.size()][xv.size()];
            int[][] count = new int[yv.size()][xv.size()];
            for (int i = 0; i < cells.size(); i++) {
                int xi = xv.indexOf(cells.get(i)[0]);
                int yi = yv.indexOf(cells.get(i)[1]);
                sum[yi][xi] += vals.get(i);
                count[yi][xi]++;
            }
            double[][] mean = new double[yv.size()][xv.size()];
            for (int yi = 0; yi < yv.size(); yi++) for (int xi = 0; xi < xv.size(); xi++) mean[yi][xi] = count[yi][xi] == 0 ? Double.NaN : sum[yi][xi] / count[yi][xi];
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
            if (Arrays.stream(count).flatMapToInt(Arrays::stream).sum() == 0) throw new ServeLabException("experiment " + id + ": no completed point has " + metric);
        }
        return 0;
    }
}
