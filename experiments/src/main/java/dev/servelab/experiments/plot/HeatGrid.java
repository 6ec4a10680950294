package dev.servelab.experiments.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.experiments.point.PointStatus;
import dev.servelab.experiments.run.SweepReport;
import dev.servelab.experiments.store.StoredPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric over two varied fields of an experiment: one cell per (x value, y value) in the order the
 * values first appear, the mean of the metric over the completed points sharing the pair (other axes,
 * seeds), {@code NaN} where none has it. Shared by {@code sweep heatmap} and the workbench's heat map.
 */
public record HeatGrid(String x, String y, String metric, List<String> xs, List<String> ys, double[][] mean, int[][] count) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The grid of {@code points}; a point that does not vary {@code x} or {@code y} is an error naming the missing field. */
    public static HeatGrid of(List<StoredPoint> points, String x, String y, String metric) {
        List<String> xv = new ArrayList<>();
        List<String> yv = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (StoredPoint p : points) {
            JsonNode params = params(p);
            if (!params.has(x) || !params.has(y)) {
                throw new ServeLabException("--x/--y: experiment " + p.experimentId() + " does not vary " + (params.has(x) ? y : x));
            }
            String a = params.get(x).asText();
            String b = params.get(y).asText();
            if (!xv.contains(a)) xv.add(a);
            if (!yv.contains(b)) yv.add(b);
            if (p.status() == PointStatus.COMPLETED && SweepReport.metrics(p).get(metric) instanceof Number n) {
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
        for (int yi = 0; yi < yv.size(); yi++) {
            for (int xi = 0; xi < xv.size(); xi++) mean[yi][xi] = count[yi][xi] == 0 ? Double.NaN : sum[yi][xi] / count[yi][xi];
        }
        return new HeatGrid(x, y, metric, List.copyOf(xv), List.copyOf(yv), mean, count);
    }

    /** Whether any cell holds a value. */
    public boolean hasValues() {
        for (int[] row : count) for (int c : row) if (c > 0) return true;
        return false;
    }

    /** The smallest and largest cell value, {NaN, NaN} when no cell has one. */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : mean) for (double v : row) if (!Double.isNaN(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min > max ? new double[]{Double.NaN, Double.NaN} : new double[]{min, max};
    }

    private static JsonNode params(StoredPoint p) {
        try {
            return JSON.readTree(p.paramsJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
