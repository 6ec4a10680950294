package dev.servelab.app.ab;

/** The rows the A/B view shows, read from a stored comparison's result. */
final class AbRows {
    private AbRows() {
    }

    /** One stored comparison in the list. */
    record Comparison(long id, String candidate, String baseline, int rounds, Boolean gatePassed, String resultJson) {
        String label() {
            String gate = gatePassed == null ? "" : gatePassed ? "  · gate passed" : "  · gate FAILED";
            return "#" + id + "  " + candidate + " vs " + baseline + "  (" + rounds + " rounds)" + gate;
        }
    }

    /** One metric of the selected comparison; {@code verdict} as the JSON spells it. */
    record Metric(String metric, double baseline, double candidate, double difference, double ciLow, double ciHigh,
                  double differencePct, double pAdjusted, String verdict) {
        /** A value relative to the baseline's mean, in percent (0 when the baseline is 0). */
        double relative(double v) {
            return baseline == 0 || !Double.isFinite(v) ? 0 : 100 * v / Math.abs(baseline);
        }
    }

    /** One paired round and its two stored runs. */
    record Round(int round, long seed, String workload, long baselineRunId, long candidateRunId) {
    }
}
