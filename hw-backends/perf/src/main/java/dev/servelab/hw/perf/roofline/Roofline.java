package dev.servelab.hw.perf.roofline;

/**
 * The roofline time of one kernel:
 * {@code launch + max(flops / (peakFlops * computeEff(flops)), bytes / (bandwidth * memoryEff(bytes)))}
 * with the size-dependent efficiencies of {@link Efficiency}. Pure arithmetic, no allocation.
 */
public final class Roofline {
    private Roofline() {}

    /** Kernel time in nanoseconds, launch overhead included. */
    public static double nanos(Efficiency e, double flops, double bytes, double peakFlopsPerS, double bytesPerS) {
        return e.launchNanos() + bodyNanos(e, flops, bytes, peakFlopsPerS, bytesPerS);
    }

    /** Kernel time in nanoseconds without the launch overhead. */
    public static double bodyNanos(Efficiency e, double flops, double bytes, double peakFlopsPerS, double bytesPerS) {
        double compute = flops > 0 ? (flops + e.computeHalfFlops()) / (peakFlopsPerS * e.computeEff()) : 0.0;
        double memory = bytes > 0 ? (bytes + e.memoryHalfBytes()) / (bytesPerS * e.memoryEff()) : 0.0;
        return Math.max(compute, memory) * 1e9;
    }
}
