package dev.servelab.app.cache;

import dev.servelab.engine.spi.CacheTier;
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

    public static Color of(CacheTier tier) {
        return switch (tier) {
            case GPU -> GPU;
            case CPU -> CPU;
            case DISK -> DISK;
        };
    }

    /** The legend's label of a tier. */
    public static String label(CacheTier tier) {
        return switch (tier) {
            case GPU -> "GPU hit";
            case CPU -> "from CPU tier";
            case DISK -> "from disk tier";
        };
    }

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
