package dev.servelab.hw.perf.roofline;

/**
 * How close one operator class gets to the hardware ceilings, as a function of its size.
 *
 * <p>Compute efficiency at {@code F} FLOPs is {@code computeEff * F / (F + computeHalfFlops)}:
 * small kernels do not fill the machine, large ones approach {@code computeEff}. Memory
 * efficiency at {@code B} bytes is {@code memoryEff * B / (B + memoryHalfBytes)} likewise. With
 * these curves the roofline time {@code F / (peak * eff(F))} is simply
 * {@code (F + computeHalfFlops) / (peak * computeEff)}, see {@link Roofline}. {@code launchNanos}
 * is added once per kernel launch.
 */
public record Efficiency(
        double launchNanos, double computeEff, double computeHalfFlops, double memoryEff, double memoryHalfBytes) {

    public Efficiency {
        if (!(launchNanos >= 0) || !(computeEff > 0) || !(computeHalfFlops >= 0)
                || !(memoryEff > 0) || !(memoryHalfBytes >= 0)) {
            throw new IllegalArgumentException("efficiency needs launch >= 0, compute_eff > 0, memory_eff > 0"
                    + " and half sizes >= 0: " + this);
        }
    }

    /** Effective compute efficiency for an operator of {@code flops} FLOPs. */
    public double computeEffAt(double flops) {
        return computeEff * flops / (flops + computeHalfFlops);
    }

    /** Effective memory efficiency for an operator moving {@code bytes} bytes. */
    public double memoryEffAt(double bytes) {
        return memoryEff * bytes / (bytes + memoryHalfBytes);
    }
}
