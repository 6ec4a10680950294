package dev.servelab.hw.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinearIterationModelTest {
    @Test
    void recoversKnownCoefficientsFromNoisySamples() {
        SplittableRandom rng = new SplittableRandom(3);
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int prefill = rng.nextInt(0, 512);
            int decode = rng.nextInt(0, 64);
            long context = rng.nextInt(32, 1024);
            long pairs = (long) prefill * prefill / 2 + decode * context;
            long kv = prefill + decode * context;
            double t = 500_000 + 2_000 * prefill + 30_000 * decode + 3 * pairs + 50 * kv;
            samples.add(new LinearIterationModel.Sample(prefill, decode, pairs, kv, Math.round(t * (1 + 0.01 * rng.nextGaussian()))));
        }
        LinearIterationModel m = LinearIterationModel.fit(samples);
        assertEquals(500_000, m.baseNanos(), 60_000);
        assertEquals(2_000, m.perPrefillTokenNanos(), 200);
        assertEquals(30_000, m.perDecodeTokenNanos(), 3_000);
        assertEquals(3, m.perAttentionPairNanos(), 0.3);
        assertTrue(m.r2() > 0.99, "R² " + m.r2());
    }

    @Test
    void robustFitIgnoresRareStalledIterationsThatInflateLeastSquares() {
        // a live run: most iterations follow the cost model, 3 % are stretched 20x by a pause
        SplittableRandom rng = new SplittableRandom(11);
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int prefill = i % 20 == 0 ? rng.nextInt(16, 256) : 0;
            int decode = rng.nextInt(1, 9);
            double t = 40_000 + 20_000 * prefill + 60_000 * decode;
            double noise = 1 + 0.02 * rng.nextGaussian();
            double stall = rng.nextDouble() < 0.03 ? 20 : 1;
            samples.add(new LinearIterationModel.Sample(prefill, decode, 0, 0, Math.round(t * noise * stall)));
        }
        LinearIterationModel robust = LinearIterationModel.fitRobust(samples);
        LinearIterationModel plain = LinearIterationModel.fit(samples);
        assertEquals(60_000, robust.perDecodeTokenNanos(), 3_000, robust.toString());
        assertEquals(20_000, robust.perPrefillTokenNanos(), 1_000, robust.toString());
        assertTrue(plain.perDecodeTokenNanos() > 80_000, "least squares is pulled up by the stalls: " + plain);
    }

    @Test
    void neverFitsANegativeCost() {
        // time depends on decode tokens only; the other terms must not go negative to fit noise
        SplittableRandom rng = new SplittableRandom(5);
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int decode = rng.nextInt(1, 32);
            samples.add(new LinearIterationModel.Sample(rng.nextInt(0, 8), decode, rng.nextInt(0, 100), rng.nextInt(0, 100),
                    100_000L * decode + rng.nextInt(0, 50_000)));
        }
        LinearIterationModel m = LinearIterationModel.fit(samples);
        for (double c : new double[]{m.baseNanos(), m.perPrefillTokenNanos(), m.perDecodeTokenNanos(),
                m.perAttentionPairNanos(), m.perKvTokenNanos()}) {
            assertTrue(c >= 0, "negative coefficient in " + m);
        }
        assertEquals(100_000, m.perDecodeTokenNanos(), 10_000);
    }

    @Test
    void featuresThatAreAlwaysZeroAreLeftOut() {
        // a live run's stored iterations carry prefill and decode tokens only
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int prefill = (i % 5) * 30;
            int decode = 1 + i % 7;
            samples.add(new LinearIterationModel.Sample(prefill, decode, 0, 0, 200_000L + 1_000L * prefill + 20_000L * decode));
        }
        LinearIterationModel m = LinearIterationModel.fit(samples);
        assertEquals(200_000, m.baseNanos(), 1);
        assertEquals(1_000, m.perPrefillTokenNanos(), 0.01);
        assertEquals(20_000, m.perDecodeTokenNanos(), 0.1);
        assertEquals(0, m.perAttentionPairNanos());
        assertEquals(0, m.perKvTokenNanos());
    }
}
