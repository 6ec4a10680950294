package dev.servelab.experiments.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto frontier of points in two metrics, each with its own better direction: the points no other
 * point beats or equals in both with one strictly better. Sorted by x.
 */
public final class Pareto {
    /** A plotted point: its id, its two values and whether it meets the sweep's constraints. */
    public record Point(int id, double x, double y, boolean feasible) {
    }

    private Pareto() {
    }

    public static List<Point> frontier(List<Point> points, boolean xLowerBetter, boolean yLowerBetter) {
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = false;
            for (Point q : points) {
                if (q == p) continue;
                boolean xNoWorse = xLowerBetter ? q.x() <= p.x() : q.x() >= p.x();
                boolean yNoWorse = yLowerBetter ? q.y() <= p.y() : q.y() >= p.y();
                if (xNoWorse && yNoWorse && (q.x() != p.x() || q.y() != p.y())) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) out.add(p);
        }
        out.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        return out;
    }
}
