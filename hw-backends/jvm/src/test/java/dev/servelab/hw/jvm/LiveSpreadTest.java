package dev.servelab.hw.jvm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live spread of compare-modes --repeat: mean, range, Student's t interval for one run, inside flag. */
class LiveSpreadTest {
    @Test
    void fiveRunsGiveTheirMeanRangeAndAStudentTInterval() {
        double[] live = {100, 110, 90, 105, 95};
        LiveSpread s = LiveSpread.of("mean_e2el_ms", live, 112);
        assertEquals(5, s.runs());
        assertEquals(100, s.liveMean(), 1e-12);
        assertEquals(90, s.liveMin());
        assertEquals(110, s.liveMax());
        // sample sd = sqrt(250 / 4) = 7.9057; half width = 2.776 x 7.9057 x sqrt(1.2) = 24.04
        double half = 2.776 * Math.sqrt(250.0 / 4) * Math.sqrt(1.2);
        assertEquals(100 - half, s.low95(), 1e-9);
        assertEquals(100 + half, s.high95(), 1e-9);
        assertTrue(s.inside(), "112 is inside 76-124");
        assertFalse(s.insideRange(), "but above the largest run");
        assertEquals(12.0, s.errorPct(), 1e-12);
        assertFalse(LiveSpread.of("x", live, 125).inside());
    }

    @Test
    void oneRunHasNoIntervalAndMissingValuesAreSkipped() {
        LiveSpread one = LiveSpread.of("x", new double[]{5}, 5);
        assertTrue(Double.isNaN(one.low95()));
        assertTrue(one.inside());
        LiveSpread gaps = LiveSpread.of("x", new double[]{1, Double.NaN, 3}, 2);
        assertEquals(2, gaps.runs());
        assertEquals(2, gaps.liveMean(), 1e-12);
        assertEquals(12.706 * Math.sqrt(2) * Math.sqrt(1.5), gaps.high95() - 2, 1e-9);
    }

    @Test
    void compareModesSpreadsCoverEverySimVsLiveMetric() {
        List<Map<String, Object>> lives = List.of(Map.of("mean_ttft_ms", 10.0), Map.of("mean_ttft_ms", 12.0));
        List<LiveSpread> spreads = CompareModes.spreads(lives, Map.of("mean_ttft_ms", 11.0));
        assertEquals(dev.servelab.engine.metrics.MetricKey.SIM_VS_LIVE.size(), spreads.size());
        LiveSpread ttft = spreads.getFirst();
        assertEquals("mean_ttft_ms", ttft.metric());
        assertEquals(11.0, ttft.liveMean(), 1e-12);
        assertTrue(ttft.inside());
        assertEquals(0, spreads.get(1).runs(), "a metric no run has: no spread");
    }
}
