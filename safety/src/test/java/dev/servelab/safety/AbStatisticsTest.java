package dev.servelab.safety;

import dev.servelab.engine.store.RunStore;
import dev.servelab.safety.ab.AbAnalysis;
import dev.servelab.safety.ab.AbRound;
import dev.servelab.safety.stats.MetricComparison;
import dev.servelab.safety.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "must show" of the statistics, with real runs through the engine: an A/A comparison (the same
 * pipeline as baseline and candidate, a random router whose draws differ between the arms) finds no
 * significant difference on any metric in at least 95 of 100 seeded repetitions; a known slowdown
 * (every decode token 1.2× slower) is flagged worse with intervals that cover the true effect.
 */
class AbStatisticsTest {
    private static final int REPETITIONS = 100;
    /** Rounds per A/A comparison: 6 keeps the test short; {@code -Dservelab.aaRounds=10} measures the default. */
    private static final int ROUNDS = Integer.getInteger("servelab.aaRounds", 6);

    @Test
    void samePipelineGivesNoSignificantDifferenceOnEveryMetricInAtLeast95Of100Repetitions(@TempDir Path dir) {
        int falseAlarms = 0;
        int uncorrectedAlarms = 0;
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            for (int rep = 0; rep < REPETITIONS; rep++) {
                List<AbRound> rounds = AbFixtures.rounds(store, "random-route.yaml", "random-route.yaml", ROUNDS, 1000L * rep);
                Map<String, MetricComparison> metrics = AbAnalysis.compare(rounds);
                assertTrue(metrics.size() >= 25, "compared " + metrics.keySet());
                if (metrics.values().stream().anyMatch(c -> c.verdict() != Verdict.NO_SIGNIFICANT_DIFFERENCE)) falseAlarms++;
                if (metrics.values().stream().anyMatch(AbStatisticsTest::significantUncorrected)) uncorrectedAlarms++;
            }
        }
        System.out.printf("A/A false-alarm rate over %d repetitions of %d rounds: %d %% (without the Benjamini-Hochberg"
                + " adjustment: %d %%)%n", REPETITIONS, ROUNDS, falseAlarms * 100 / REPETITIONS, uncorrectedAlarms * 100 / REPETITIONS);
        assertTrue(falseAlarms <= 5, falseAlarms + " of " + REPETITIONS + " A/A comparisons flagged a metric");
    }

    private static boolean significantUncorrected(MetricComparison c) {
        return c.pValue() < MetricComparison.ALPHA && (c.ciLow() > 0 || c.ciHigh() < 0);
    }

    /**
     * Twenty comparisons of 10 rounds (the default) each against the true effect of the slowdown on this
     * workload (the expected paired difference, estimated from 100 other rounds): at least 18 of 20
     * comparisons say worse on each mean latency (none says better), and the 95 % intervals cover the
     * true effect in at least 17 of 20 (for a correct 95 % interval, 16 or fewer would happen by chance
     * 1.6 % of the time). The effect is larger than
     * +20 % because slower decoding keeps more requests in each batch, and each batch takes longer.
     */
    @Test
    void decodeSlowedBy20PercentIsWorseWithIntervalsCoveringTheTrueEffect(@TempDir Path dir) {
        List<String> metrics = List.of("mean_tpot_ms", "mean_itl_ms", "mean_e2el_ms");
        int comparisons = 20;
        try (RunStore store = RunStore.open(dir.resolve("runs.db"))) {
            Map<String, MetricComparison> truth = AbAnalysis.compare(
                    AbFixtures.rounds(store, "random-route.yaml", "random-route-slow-decode.yaml", 100, 100_000));
            int[] covered = new int[metrics.size()];
            int[] worse = new int[metrics.size()];
            for (int k = 0; k < comparisons; k++) {
                Map<String, MetricComparison> ab = AbAnalysis.compare(
                        AbFixtures.rounds(store, "random-route.yaml", "random-route-slow-decode.yaml", 10, 100 + 10L * k));
                for (int m = 0; m < metrics.size(); m++) {
                    MetricComparison c = ab.get(metrics.get(m));
                    assertNotEquals(Verdict.BETTER, c.verdict(), "comparison " + k + ": " + c);
                    if (c.verdict() == Verdict.WORSE) worse[m]++;
                    double trueEffect = truth.get(metrics.get(m)).difference();
                    if (c.ciLow() <= trueEffect && trueEffect <= c.ciHigh()) covered[m]++;
                }
                assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, ab.get("completed").verdict());
            }
            for (int m = 0; m < metrics.size(); m++) {
                MetricComparison t = truth.get(metrics.get(m));
                System.out.printf("%s: true effect %+.4f ms (%+.1f %%); worse in %d of %d comparisons, interval covers it in %d%n",
                        metrics.get(m), t.difference(), t.differencePct(), worse[m], comparisons, covered[m]);
                assertTrue(worse[m] >= 18, metrics.get(m) + ": worse in " + worse[m] + " of " + comparisons);
                assertTrue(covered[m] >= 17, metrics.get(m) + ": covered in " + covered[m] + " of " + comparisons);
            }
        }
    }
}
