package dev.servelab.app.sla;

/** One plotted line: a name and its points (x ascending for time series and CDFs). */
public record Curve(String name, double[] x, double[] y) {
    public int size() {
        return x.length;
    }
}
