package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.plugins.traceprofile.TraceProfile;
import dev.servelab.plugins.traceprofile.TraceStats;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import static dev.servelab.plugins.workload.GeneratorAssert.generate;
import static dev.servelab.plugins.workload.GeneratorAssert.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GammaWorkloadTest {
    private static final String SETTINGS = """
            rate_per_s: 8
            cv: 2.5
            requests: 40000
            input: {dist: lognormal, mean: 1000, cv: 1.0, min: 1, max: 1000000}
            output: {dist: uniform, min: 10, max: 90}
            tenant: t1
            slo_class: interactive
            """;

    @Test
    void sameSeedSameRequestsOtherSeedOthers() throws IOException {
        List<Request> a = generate("workload.gamma", SETTINGS, 7);
        assertEquals(a, generate("workload.gamma", SETTINGS, 7));
        assertNotEquals(a, generate("workload.gamma", SETTINGS, 8));
        assertEquals("t1", a.getFirst().tenant());
        assertEquals("interactive", a.getFirst().sloClass());
    }

    @Test
    void matchesConfiguredRateCvAndLengths() throws IOException {
        TraceStats s = stats(generate("workload.gamma", SETTINGS, 7));
        within(8, s.meanRatePerS(), 0.03, "rate");
        within(2.5, s.interarrivalCv(), 0.08, "cv");
        within(1000, s.input().mean(), 0.03, "input mean");
        within(50, s.output().mean(), 0.01, "output mean");
        assertEquals(10, s.output().min());
        assertEquals(90, s.output().max());
    }

    @Test
    void diurnalModulationSwingsTheRate() throws IOException {
        List<Request> r = generate("workload.gamma", """
                rate_per_s: 10
                cv: 1
                duration_s: 7200
                requests: 1000000
                modulation: {amplitude: 0.8, period_s: 3600, peak_at_s: 900}
                """, 3);
        int[] quarter = new int[4];
        for (Request q : r) quarter[(int) (q.arrivalNanos() / 1_000_000_000L % 3600 / 900)]++;
        // peak around 900 s (quarters 0-1), trough around 2700 s (quarters 2-3)
        assertTrue(quarter[0] + quarter[1] > 2.5 * (quarter[2] + quarter[3]), java.util.Arrays.toString(quarter));
        within(10 * 7200, r.size(), 0.05, "mean rate is the base rate over whole periods");
    }

    @Test
    void burstsMultiplyTheRateWhileOn() throws IOException {
        List<Request> r = generate("workload.gamma", """
                rate_per_s: 5
                cv: 1
                duration_s: 600
                requests: 1000000
                modulation: {burst_every_s: 60, burst_length_s: 10, burst_factor: 6}
                """, 5);
        long inBurst = r.stream().filter(q -> q.arrivalNanos() / 1_000_000_000L % 60 < 10).count();
        within(6 * 5 * 100, inBurst, 0.1, "burst requests");
        within(5 * 500, r.size() - inBurst, 0.1, "quiet requests");
    }

    @Test
    void lengthDistributions() throws IOException {
        assertEquals(333, stats(generate("workload.gamma", "requests: 100\ninput: {dist: fixed, mean: 333}", 1)).input().max());
        TraceStats zipf = stats(generate("workload.gamma", "requests: 20000\ninput: {dist: zipf, zipf_s: 2, min: 10, max: 2000}", 1));
        assertEquals(10, (int) zipf.input().p50(), "Zipf: the smallest length is the mode and the median at s = 2");
        assertTrue(zipf.input().max() > 1000);
        TraceStats emp = stats(generate("workload.gamma", "requests: 20000\ninput: {dist: empirical, quantiles: [100, 200, 300, 1000, 5000]}", 1));
        within(0.25 * (150 + 250 + 650 + 3000), emp.input().mean(), 0.03, "empirical mean");
        within(300, emp.input().p50(), 0.03, "empirical median");
        String conv = dev.servelab.plugins.SharedData.path("traces/azure-llm-2023/AzureLLMInferenceTrace_conv.csv").toAbsolutePath().toString();
        TraceStats fromTrace = stats(generate("workload.gamma", "requests: 50000\noutput: {dist: empirical, trace: " + conv + "}", 1));
        within(211.1, fromTrace.output().mean(), 0.02, "output lengths resampled from the Azure conv trace (mean)");
        within(129, fromTrace.output().p50(), 0.02, "output lengths resampled from the Azure conv trace (p50)");
    }

    static TraceStats stats(List<Request> requests) throws IOException {
        Iterator<Request> it = requests.iterator();
        return TraceProfile.of(() -> it.hasNext() ? it.next() : null).stats();
    }
}
