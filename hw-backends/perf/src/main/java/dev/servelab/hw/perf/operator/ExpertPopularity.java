package dev.servelab.hw.perf.operator;

/**
 * How routed tokens spread over experts: a Zipf popularity over the experts ({@code p_i ∝ 1 / (i+1)^s},
 * {@code s = 0} uniform), experts dealt round-robin to expert-parallel devices in popularity order
 * (expert {@code i} on device {@code i mod EP}), and the busiest device's share of the routed
 * token-expert pairs. Load imbalance across EP ranks is what EPLB-style rebalancing targets
 * (DeepSeek-V3 report, 2024); here it is a setting rather than learned.
 */
final class ExpertPopularity {
    private ExpertPopularity() {
    }

    /** Normalised popularity of {@code experts} experts under Zipf exponent {@code skew}. */
    static double[] zipf(int experts, double skew) {
        double[] p = new double[experts];
        double sum = 0;
        for (int i = 0; i < experts; i++) {
            p[i] = Math.pow(i + 1, -skew);
            sum += p[i];
        }
        for (int i = 0; i < experts; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The share of all routed pairs that lands on the busiest of {@code ranks} devices. */
    static double busiestRankShare(double[] p, int ranks) {
        return rankLoad(p, ranks)[busiest(p, ranks)];
    }

    /**
     * Per expert of the busiest device, the probability that one token picks it ({@code min(1, k p_i)});
     * null when uniform routing without EP keeps the closed form.
     */
    static double[] busiestRank(double[] p, int ranks, double topK) {
        boolean uniform = p.length <= 1 || p[0] == p[p.length - 1];
        if (ranks <= 1 && uniform) {
            return null;
        }
        int r = busiest(p, ranks);
        double[] q = new double[(p.length - r + ranks - 1) / ranks];
        for (int i = r, j = 0; i < p.length; i += ranks, j++) {
            q[j] = Math.min(1.0, topK * p[i]);
        }
        return q;
    }

    private static int busiest(double[] p, int ranks) {
        double[] load = rankLoad(p, ranks);
        int best = 0;
        for (int r = 1; r < load.length; r++) {
            if (load[r] > load[best]) best = r;
        }
        return best;
    }

    private static double[] rankLoad(double[] p, int ranks) {
        double[] load = new double[Math.max(1, ranks)];
        for (int i = 0; i < p.length; i++) {
            load[i % load.length] += p[i];
        }
        return load;
    }
}
