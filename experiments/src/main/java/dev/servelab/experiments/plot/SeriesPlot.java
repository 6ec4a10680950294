package dev.servelab.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Points grouped into series (e.g. one per hardware and input/output length, each point one concurrency),
 * each series in its own colour, its points joined in order of x, with a legend: the curve view of a sweep,
 * as throughput-versus-interactivity charts of serving benchmarks draw it. {@code sweep pareto --series}; {@code legendTitle} heads the legend.
 */
public final class SeriesPlot {
    private static final Color[] PALETTE = {new Color(30, 100, 200), new Color(210, 40, 40), new Color(40, 150, 60),
        new Color(230, 140, 20), new Color(130, 60, 170), new Color(20, 160, 170), new Color(120, 120, 120),
        new Color(200, 80, 160)};

    private SeriesPlot() {
    }

    /** {@code series}: label to points, drawn in the map's order. */
    public static void write(Path out, String title, String xLabel, String yLabel, String legendTitle,
                             Map<String, List<Pareto.Point>> series) {
        List<Pareto.Point> all = series.values().stream().flatMap(List::stream).toList();
        double xMin = all.stream().mapToDouble(Pareto.Point::x).min().orElse(0);
        double xMax = all.stream().mapToDouble(Pareto.Point::x).max().orElse(1);
        double yMin = all.stream().mapToDouble(Pareto.Point::y).min().orElse(0);
        double yMax = all.stream().mapToDouble(Pareto.Point::y).max().orElse(1);
        Canvas c = new Canvas(title, xMin, xMax, yMin, yMax);
        c.axes(xLabel, yLabel);
        int i = 0;
        int legendY = Canvas.TOP + 18;
        int lx = Canvas.WIDTH - Canvas.RIGHT - 340;
        c.g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.g.setColor(Color.DARK_GRAY);
        c.g.drawString(legendTitle, lx, legendY);
        legendY += 16;
        for (Map.Entry<String, List<Pareto.Point>> e : series.entrySet()) {
            Color color = PALETTE[i++ % PALETTE.length];
            List<Pareto.Point> pts = e.getValue().stream().sorted(Comparator.comparingDouble(Pareto.Point::x)).toList();
            c.g.setColor(color);
            c.g.setStroke(new BasicStroke(2f));
            for (int k = 1; k < pts.size(); k++) {
                c.g.drawLine(c.px(pts.get(k - 1).x()), c.py(pts.get(k - 1).y()), c.px(pts.get(k).x()), c.py(pts.get(k).y()));
            }
            for (Pareto.Point p : pts) c.g.fillOval(c.px(p.x()) - 4, c.py(p.y()) - 4, 8, 8);
            c.g.fillRect(lx, legendY - 9, 14, 10);
            c.g.setColor(Color.DARK_GRAY);
            c.g.drawString(e.getKey(), lx + 20, legendY);
            legendY += 16;
        }
        c.write(out);
    }
}
