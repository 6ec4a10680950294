package dev.servelab.safety.stats;

/**
 * What a comparison concludes about one metric, taking its direction into account: lower latency is
 * better, higher goodput is better. {@link #label()} is the spelling of the JSON and the reports.
 */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The verdict for a difference (candidate − baseline) that is significant or not, for a metric where
     * lower or higher is better.
     */
    public static Verdict of(boolean significant, double difference, boolean lowerIsBetter) {
        if (!significant || difference == 0) return NO_SIGNIFICANT_DIFFERENCE;
        boolean up = difference > 0;
        return up == lowerIsBetter ? WORSE : BETTER;
    }
}
