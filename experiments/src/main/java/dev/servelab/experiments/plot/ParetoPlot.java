package dev.servelab.experiments.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

/**
 * A Pareto chart: every completed point by two metrics, feasible points (meeting the constraints) in
 * blue, the others greyed, the frontier of the feasible points drawn in red.
 */
public final class ParetoPlot {
    private ParetoPlot() {
    }

    public static void write(Path out, String title, String xLabel, String yLabel, List<Pareto.Point> points, List<Pareto.Point> frontier) {
        double xMin = points.stream().mapToDouble(Pareto.Point::x).min().orElse(0);
        double xMax = points.stream().mapToDouble(Pareto.Point::x).max().orElse(1);
        double yMin = points.stream().mapToDouble(Pareto.Point::y).min().orElse(0);
        double yMax = points.stream().mapToDouble(Pareto.Point::y).max().orElse(1);
        Canvas c = new Canvas(title, xMin, xMax, yMin, yMax);
        c.axes(xLabel, yLabel);
        for (Pareto.Point p : points) {
            c.g.setColor(p.feasible() ? new Color(30, 100, 200) : new Color(190, 190, 190));
            c.g.fillOval(c.px(p.x()) - 4, c.py(p.y()) - 4, 8, 8);
        }
        c.g.setColor(new Color(210, 40, 40));
        c.g.setStroke(new BasicStroke(2f));
        for (int i = 1; i < frontier.size(); i++) {
            c.g.drawLine(c.px(frontier.get(i - 1).x()), c.py(frontier.get(i - 1).y()), c.px(frontier.get(i).x()), c.py(frontier.get(i).y()));
        }
        for (Pareto.Point p : frontier) c.g.drawOval(c.px(p.x()) - 6, c.py(p.y()) - 6, 12, 12);
        c.g.setColor(Color.DARK_GRAY);
        c.g.drawString("blue: feasible   grey: violates constraints   red: Pareto frontier of feasible points", Canvas.LEFT, Canvas.TOP - 8);
        c.write(out);
    }

    /** The curve view instead of the frontier: one coloured series per label ({@link SeriesPlot}). */
    public static void writeSeries(Path out, String title, String xLabel, String yLabel, String legendTitle,
                                   java.util.Map<String, List<Pareto.Point>> series) {
        SeriesPlot.write(out, title, xLabel, yLabel, legendTitle, series);
    }
}
