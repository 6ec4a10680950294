package dev.servelab.app.cache;

import javafx.scene.paint.Color;

/** A perceptually ordered colour ramp (dark purple → teal → yellow, like viridis) for ratios in [0, 1]. */
public final class HeatColors {
    private static final Color[] STOPS = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"),
        Color.web("#5ec962"), Color.web("#fde725")};
    public static final Color EMPTY = Color.web("#8882");

    private HeatColors() {
    }

    public static Color of(double v) {
        if (Double.isNaN(v)) return EMPTY;
        double p = Math.max(0, Math.min(1, v)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) p);
        return STOPS[i].interpolate(STOPS[i + 1], p - i);
    }
}
