package dev.servelab.app.sla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CdfTest {
    @Test
    void cdfIsSortedValuesAgainstRankFractions() {
        Curve c = Cdf.of("x", new double[]{3, 1, Double.NaN, 2, 4}, 100);
        assertArrayEquals(new double[]{1, 2, 3, 4}, c.x());
        assertArrayEquals(new double[]{0.25, 0.5, 0.75, 1.0}, c.y());
    }

    @Test
    void largeInputsAreDownSampledKeepingBothEnds() {
        double[] v = new double[100_000];
        for (int i = 0; i < v.length; i++) v[i] = i;
        Curve c = Cdf.of("x", v, 400);
        assertEquals(400, c.size());
        assertEquals(0, c.x()[0]);
        assertEquals(99_999, c.x()[399]);
        assertEquals(1.0, c.y()[399]);
    }

    @Test
    void nearestRankPercentiles() {
        double[] s = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertEquals(50, Cdf.percentile(s, 50));
        assertEquals(100, Cdf.percentile(s, 99));
        assertEquals(10, Cdf.percentile(s, 1));
    }
}
