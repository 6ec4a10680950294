package dev.servelab.safety.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statistical pieces on hand-checkable inputs. */
class StatsTest {
    @Test
    void signedRankDropsZeroDifferencesAndIsExactForSmallSamples() {
        assertEquals(1.0, SignedRankTest.pValue(new double[]{1, 2, 3}, new double[]{1, 2, 3}), "no difference at all");
        double[] b = {1, 1, 1, 1, 1, 1, 1, 1};
        double[] c = {2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(2.0 / 256, SignedRankTest.pValue(b, c), 1e-12, "all 8 positive: 2 / 2^8");
        double[] withZeros = {1, 1, 1, 1, 1, 1, 1, 1, 5, 5};
        double[] same = {2, 3, 4, 5, 6, 7, 8, 9, 5, 5};
        assertEquals(2.0 / 256, SignedRankTest.pValue(withZeros, same), 1e-12, "rounds without a difference carry no sign");
        assertTrue(SignedRankTest.pValue(new double[]{1, 2, 3}, new double[]{2, 1, 3}) <= 1.0);
    }

    @Test
    void benjaminiHochbergAdjustsStepUp() {
        double[] adj = FalseDiscovery.adjust(new double[]{0.01, 0.04, 0.03, Double.NaN, 0.5});
        // m = 4: sorted 0.01, 0.03, 0.04, 0.5 -> 0.04, min(0.06, 0.0533) = 0.0533, 0.0533, 0.5
        assertArrayEquals(new double[]{0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, Double.NaN, 0.5}, adj, 1e-12);
    }

    @Test
    void expandedPercentileBootstrapWidensForFewRoundsAndIsSeeded() {
        assertEquals(0.0057, PairedBootstrap.expandedTail(8, 0.95), 0.0005);
        assertEquals(0.025, PairedBootstrap.expandedTail(10_000, 0.95), 0.0005);
        double[] d = {1.0, 1.2, 0.8, 1.1, 0.9, 1.3, 0.7, 1.0};
        double[] a = new PairedBootstrap(10_000, 7).interval(d, 0.95);
        assertArrayEquals(a, new PairedBootstrap(10_000, 7).interval(d, 0.95), "same seed, same interval");
        assertTrue(a[0] < 1.0 && 1.0 < a[1] && a[0] > 0.7 && a[1] < 1.3, a[0] + " " + a[1]);
    }

    @Test
    void verdictsFollowTheMetricsDirection() {
        assertEquals(Verdict.WORSE, Verdict.of(true, 5, true), "higher latency");
        assertEquals(Verdict.BETTER, Verdict.of(true, 5, false), "higher goodput");
        assertEquals(Verdict.BETTER, Verdict.of(true, -5, true), "lower latency");
        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, Verdict.of(false, 5, true));
    }
}
