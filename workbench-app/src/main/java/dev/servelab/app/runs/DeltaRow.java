package dev.servelab.app.runs;

import java.util.List;

/** One metric across compared runs: its values, and each run's change relative to the first. */
public record DeltaRow(String metric, List<Double> values) {
    public double delta(int i) {
        return values.get(i) - values.getFirst();
    }

    public double deltaPercent(int i) {
        double base = values.getFirst();
        return base == 0 ? Double.NaN : 100 * delta(i) / base;
    }
}
