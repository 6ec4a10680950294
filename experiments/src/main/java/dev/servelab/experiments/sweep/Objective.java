package dev.servelab.experiments.sweep;

import java.util.Map;

/** What the best feasible point minimises or maximises: one metric of the point. */
public record Objective(String metric, boolean minimize) {

    /** The objective's value in {@code metrics}, NaN when absent. */
    public double value(Map<String, Object> metrics) {
        return metrics.get(metric) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Whether {@code a} is strictly better than {@code b} (NaN is never better). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) return false;
        if (Double.isNaN(b)) return true;
        return minimize ? a < b : a > b;
    }
}
