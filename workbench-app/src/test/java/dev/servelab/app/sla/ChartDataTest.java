package dev.servelab.app.sla;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Hover lookup and cluster-event markers of the SLA charts. */
class ChartDataTest {
    @Test
    void tickLabelsStayDistinctOnSmallRateAxes() {
        List<String> ticks = new java.util.ArrayList<>();
        for (int i = 0; i <= 6; i++) ticks.add(Charts.COMPACT.toString(i * 0.005));
        assertEquals(List.of("0", "0.005", "0.01", "0.015", "0.02", "0.025", "0.03"), ticks);
        assertEquals("0.20", Charts.COMPACT.toString(0.2), "fractions keep two decimals");
        assertEquals("0.30", Charts.COMPACT.toString(0.1 + 0.2), "floating-point noise is not shown");
        assertEquals("-0.0125", Charts.COMPACT.toString(-0.0125));
        assertEquals("2.5k", Charts.COMPACT.toString(2500));
        assertEquals("1.2M", Charts.COMPACT.toString(1_200_000));
        assertEquals("250", Charts.COMPACT.toString(250));
    }

    @Test
    void hoverFindsTheNearestPoint() {
        double[] xs = {1, 2, 4, 8};
        assertEquals(0, ChartHover.nearest(xs, -5));
        assertEquals(1, ChartHover.nearest(xs, 2.9));
        assertEquals(2, ChartHover.nearest(xs, 3.1));
        assertEquals(3, ChartHover.nearest(xs, 100));
        assertEquals(-1, ChartHover.nearest(new double[0], 1));
    }

    @Test
    void eventsBecomeOneMarkerCurveUpToThePeak() {
        List<Curve> curves = List.of(new Curve("a", new double[]{0, 1, 2}, new double[]{3, 9, 4}));
        assertSame(curves, OverTime.withEvents(curves, List.of()), "no events, no marker curve");
        List<ClusterEvent> ev = List.of(new ClusterEvent(500_000_000L, ClusterEventKind.REPLICA_CRASHED, 1, "crash"),
                new ClusterEvent(1_500_000_000L, ClusterEventKind.REPLICA_RESTARTED, 1, "back"));
        List<Curve> out = OverTime.withEvents(curves, ev);
        assertEquals(2, out.size());
        Curve m = out.get(1);
        assertEquals(OverTime.EVENTS, m.name());
        assertEquals(6, m.size());
        assertEquals(0.5, m.x()[1], 1e-12);
        assertEquals(9, m.y()[1], 1e-12);
        assertEquals(1.5, m.x()[4], 1e-12);
        assertEquals(0, m.y()[5], 1e-12);
    }

    @Test
    void decimationKeepsSpikesAndOrder() {
        int n = 10_000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i == 4321 ? 1000 : i == 7000 ? -50 : Math.sin(i / 100.0);
        }
        int[] idx = Decimate.indices(new Curve("c", x, y), 800);
        assertEquals(true, idx.length <= 800);
        for (int k = 1; k < idx.length; k++) assertEquals(true, idx[k] > idx[k - 1], "x order kept");
        assertEquals(true, java.util.Arrays.stream(idx).anyMatch(i -> i == 4321), "the spike survives");
        assertEquals(true, java.util.Arrays.stream(idx).anyMatch(i -> i == 7000), "the dip survives");
        assertEquals(5, Decimate.indices(new Curve("s", new double[5], new double[5]), 800).length);
    }
}
