package dev.servelab.plugins.workload;

import java.util.random.RandomGenerator;

/**
 * A renewal arrival process: Gamma inter-arrival gaps at a base rate and CV, optionally modulated by
 * a {@link RateModulation}. Poisson is CV 1. Keeps its own clock, in nanoseconds as a double so that
 * rounding does not drift over millions of arrivals.
 */
public final class ArrivalProcess {
    private final GammaSampler gaps;
    private final RateModulation modulation;
    private final RandomGenerator rng;
    private double tS;

    public ArrivalProcess(double ratePerS, double cv, RateModulation modulation, RandomGenerator rng) {
        this.gaps = new GammaSampler(1 / ratePerS, cv);
        this.modulation = modulation == null ? RateModulation.NONE : modulation;
        this.rng = rng;
    }

    /** The next arrival time, nanoseconds. */
    public long next() {
        double gap = gaps.sample(rng);
        tS += modulation.isNone() ? gap : gap / modulation.factor(tS);
        return Math.round(tS * 1e9);
    }
}
