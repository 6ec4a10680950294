package dev.servelab.app.cache;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The hit map's tier colouring: a cell is a stack, bottom up, of the shares of its looked-up prompt tokens that hit
 * on the GPU, came from the CPU tier and from the disk tier, over the share that missed, so the coloured height is
 * the hit ratio and its colours say where the hits came from.
 */
public final class TierColors {
    public static final Color GPU = Color.web("#3b82f6");
    public static final Color CPU = Color.web("#f59e0b");
    public static final Color DISK = Color.web("#d946ef");
    public static final Color MISS = Color.web("#8884");

    private TierColors() {
    }

    /** The tiers' colours in the legend's order (GPU, CPU, disk), then the miss colour. */
    static final Color[] LEGEND = {GPU, CPU, DISK, MISS};
    /** The legend's labels, in the same order (the engine's {@code CacheTier} keys, upper-cased). */
    static final String[] LABELS = {"GPU", "CPU", "DISK", "miss"};

    /** Paints one cell (x, y, w, h) as the stack of tier shares of {@code lookup} tokens; empty cells as empty. */
    static void paint(GraphicsContext g, double x, double y, double w, double h, long lookup, long gpu, long cpu, long disk) {
        if (lookup <= 0) {
            g.setFill(HeatColors.EMPTY);
            g.fillRect(x, y, w, h);
            return;
        }
        g.setFill(MISS);
        g.fillRect(x, y, w, h);
        double bottom = y + h;
        long[] parts = {gpu, cpu, disk};
        Color[] colours = {GPU, CPU, DISK};
        for (int i = 0; i < 3; i++) {
            double ph = h * Math.max(0, parts[i]) / lookup;
            if (ph <= 0) continue;
            g.setFill(colours[i]);
            g.fillRect(x, bottom - ph, w, ph);
            bottom -= ph;
        }
    }
}
