package dev.servelab.experiments.sweep;

/**
 * What a capacity search finds (Vidur-Search's "max QPS under SLO"): the largest arrival rate, or
 * the smallest replica count, whose run meets the SLO.
 */
public enum CapacityGoal {
    MAX_RATE("max-rate"), MIN_REPLICAS("min-replicas");

    private final String id;

    CapacityGoal(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The goal named {@code id}, or null. */
    public static CapacityGoal of(String id) {
        for (CapacityGoal g : values()) if (g.id.equals(id)) return g;
        return null;
    }
}
