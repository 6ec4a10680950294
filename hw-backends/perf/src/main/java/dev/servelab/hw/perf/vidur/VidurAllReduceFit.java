package dev.servelab.hw.perf.vidur;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.hardware.LinkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits a scale-up link to Vidur's all-reduce profile ({@code profiling/network/.../all_reduce.csv},
 * columns {@code size} in bytes, {@code num_workers}, {@code time_stats.all_reduce.median} in ms).
 * The raw measurements are heavy-tailed, so sizes are grouped into bins a factor 1.5 wide, each
 * bin's median time kept, and a line {@code time = a + b * bytes} fitted to the bin medians
 * (commons-math3 least squares). The ring model of {@link LinkSpec} then gives
 * {@code latency = a / (2(n-1))} and {@code bandwidth = 2(n-1)/n / b}.
 */
public final class VidurAllReduceFit {
    private VidurAllReduceFit() {}

    public static LinkSpec fit(Path allReduceCsv, int workers) {
        VidurProfileReader.Table t = VidurProfileReader.Table.read(allReduceCsv);
        List<double[]> pts = new ArrayList<>();
        for (String[] row : t.rows()) {
            if ((int) t.number(row, "num_workers") == workers) {
                double ms = t.number(row, "time_stats.all_reduce.median");
                if (ms > 0) {
                    pts.add(new double[] {t.number(row, "size"), ms * 1e6});
                }
            }
        }
        if (pts.size() < 10) {
            throw new CatalogException(allReduceCsv + ": fewer than 10 all-reduce rows with num_workers = " + workers);
        }
        pts.sort((x, y) -> Double.compare(x[0], y[0]));
        SimpleRegression line = new SimpleRegression();
        int i = 0;
        while (i < pts.size()) {
            double binEnd = pts.get(i)[0] * 1.5;
            List<double[]> bin = new ArrayList<>();
            while (i < pts.size() && pts.get(i)[0] <= binEnd) {
                bin.add(pts.get(i++));
            }
            line.addData(median(bin, 0), median(bin, 1));
        }
        double steps = 2.0 * (workers - 1);
        double slope = Math.max(line.getSlope(), 1e-12);
        double intercept = Math.max(line.getIntercept(), 0);
        return new LinkSpec("fitted to " + allReduceCsv.getFileName() + " (" + workers + " workers)",
                steps / workers / slope * 1e9, intercept / steps);
    }

    private static double median(List<double[]> bin, int column) {
        double[] v = bin.stream().mapToDouble(p -> p[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }
}
