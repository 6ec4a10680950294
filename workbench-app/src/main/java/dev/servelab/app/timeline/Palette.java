package dev.servelab.app.timeline;

import javafx.scene.paint.Color;

/** The timeline's phase colours, chosen to stay distinct on light and dark backgrounds. */
public final class Palette {
    public static final Color QUEUE = Color.web("#9aa4b2");
    public static final Color PREFILL = Color.web("#f59e0b");
    public static final Color DECODE = Color.web("#60a5fa");
    public static final Color TOKEN = Color.web("#1d4ed8");
    public static final Color PREEMPT = Color.web("#e5484d");
    public static final Color GANTT_DECODE = Color.web("#3b82f6");
    /** Cluster events (health changes, faults, rollout stages). */
    public static final Color EVENT = Color.web("#c026d3");
    public static final Color GRID = Color.web("#8884");
    /** Pool stripes at the start of lanes and rows, by pool index. */
    static final Color[] POOLS = {Color.web("#14b8a6"), Color.web("#a855f7"), Color.web("#ef4444"), Color.web("#22c55e"),
            Color.web("#eab308"), Color.web("#ec4899")};

    static Color pool(int index) {
        return index < 0 ? null : POOLS[index % POOLS.length];
    }

    private Palette() {
    }
}
