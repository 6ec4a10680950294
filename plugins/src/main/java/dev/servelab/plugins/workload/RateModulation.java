package dev.servelab.plugins.workload;

import dev.servelab.engine.spi.Setting;

/**
 * A time-varying multiplier of a generator's base arrival rate: a sinusoidal (diurnal or any other
 * period) swing of relative {@code amplitude}, times {@code burst_factor} during bursts of
 * {@code burst_length_s} that start every {@code burst_every_s}. Arrivals are generated in
 * "operational time" and mapped to real time by dividing each gap by the multiplier at its start, so
 * burstiness (CV) is kept within each phase.
 */
public record RateModulation(
        @Setting(summary = "relative swing of the periodic rate (0 = none, 1 = down to 0)", min = 0, max = 1) double amplitude,
        @Setting(summary = "period of the swing (86400 = diurnal)", unit = "s", min = 1) double periodS,
        @Setting(summary = "time of the first peak", unit = "s", min = 0) double peakAtS,
        @Setting(summary = "a burst starts every (0 = no bursts)", unit = "s", min = 0) double burstEveryS,
        @Setting(summary = "length of each burst", unit = "s", min = 0) double burstLengthS,
        @Setting(summary = "rate multiplier during a burst", min = 0) double burstFactor) {

    public static final RateModulation NONE = new RateModulation(0, 86_400, 0, 0, 0, 1);

    public RateModulation {
        if (periodS <= 0) periodS = 86_400;
        if (burstFactor <= 0) burstFactor = 1;
    }

    /** The rate multiplier at time {@code tS} seconds. */
    public double factor(double tS) {
        double periodic = 1 + amplitude * Math.cos(2 * Math.PI * (tS - peakAtS) / periodS);
        boolean burst = burstEveryS > 0 && (tS % burstEveryS) < burstLengthS;
        return Math.max(1e-3, periodic) * (burst ? burstFactor : 1);
    }

    public boolean isNone() {
        return amplitude == 0 && (burstEveryS == 0 || burstFactor == 1);
    }
}
