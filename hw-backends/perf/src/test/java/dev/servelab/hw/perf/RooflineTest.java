package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.OperatorCosts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.perf.hardware.LinkSpec;
import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.Roofline;
import org.junit.jupiter.api.Test;

/** The roofline arithmetic against cases computed by hand. */
class RooflineTest {
    static final double PEAK = 1e15; // 1 PFLOP/s
    static final double BW = 4e12; // 4 TB/s

    @Test
    void computeBoundMatrixProduct() {
        // 8192^3 GEMM: 2 * 8192^3 = 1.0995e12 FLOPs at 1e15 * 0.8 -> 1.374 ms; 3 x 128 MiB = 402.7 MB at 4e12 -> 0.1 ms
        Efficiency e = new Efficiency(10_000, 0.8, 0, 1.0, 0);
        double flops = 2.0 * 8192 * 8192 * 8192;
        double bytes = 3.0 * 8192 * 8192 * 2;
        assertEquals(10_000 + 1.0995116e12 / 0.8e15 * 1e9, Roofline.nanos(e, flops, bytes, PEAK, BW), 1.0);
        assertEquals(1_384_389.5, Roofline.nanos(e, flops, bytes, PEAK, BW), 1.0);
    }

    @Test
    void memoryBoundDecodeProjection() {
        // one token through a 4096 x 4096 bf16 matrix: 33.55 MB of weights at 4e12 * 0.5 -> 16.78 us
        Efficiency e = new Efficiency(5_000, 0.9, 0, 0.5, 0);
        double bytes = 4096.0 * 4096 * 2 + 2 * 4096 * 2;
        double flops = 2.0 * 4096 * 4096;
        assertEquals(5_000 + bytes / 2e12 * 1e9, Roofline.nanos(e, flops, bytes, PEAK, BW), 1e-6);
        assertEquals(21_785.4, Roofline.nanos(e, flops, bytes, PEAK, BW), 0.1);
    }

    @Test
    void halfSizeHalvesEfficiencyAtThatSize() {
        Efficiency e = new Efficiency(0, 0.8, 1e9, 1.0, 0);
        assertEquals(0.4, e.computeEffAt(1e9), 1e-12);
        // 1 GFLOP at efficiency 0.4 of 1 PFLOP/s = 2.5 us
        assertEquals(2_500, Roofline.nanos(e, 1e9, 0, PEAK, BW), 1e-6);
        assertEquals(0.5, new Efficiency(0, 1, 0, 1.0, 1e6).memoryEffAt(1e6), 1e-12);
    }

    @Test
    void ringAllReduceAndSendRecv() {
        // 4 devices, 64 MiB, 450 GB/s, 3 us: 2*3/4 * 67.1e6 / 450e9 = 223.7 us + 6 * 3 us = 241.7 us
        LinkSpec nvlink = new LinkSpec("nvlink", 450e9, 3_000);
        assertEquals(1.5 * 67_108_864 / 450e9 * 1e9 + 18_000, nvlink.allReduceNanos(67_108_864, 4), 1e-6);
        assertEquals(0, nvlink.allReduceNanos(1e9, 1));
        assertEquals(3_000 + 1e6 / 450e9 * 1e9, nvlink.sendRecvNanos(1e6), 1e-9);
    }

    @Test
    void causalPairsOfChunkAfterContext() {
        assertEquals(10, OperatorCosts.causalPairs(4, 0)); // 1+2+3+4
        assertEquals(4 * 100 + 10, OperatorCosts.causalPairs(4, 100));
    }
}
