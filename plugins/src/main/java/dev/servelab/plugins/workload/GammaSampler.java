package dev.servelab.plugins.workload;

import java.util.random.RandomGenerator;

/**
 * Gamma-distributed values with a given mean and coefficient of variation (shape k = 1/cv²,
 * scale θ = mean·cv²), by Marsaglia and Tsang's method ("A simple method for generating gamma
 * variables", ACM TOMS 2000), with the U^(1/k) boost for k &lt; 1. cv = 1 is the exponential
 * distribution, cv = 0 the constant {@code mean}.
 */
public record GammaSampler(double mean, double cv) {

    public GammaSampler {
        if (!(mean > 0) || !(cv >= 0)) throw new IllegalArgumentException("gamma needs mean > 0 and cv >= 0");
    }

    public double sample(RandomGenerator rng) {
        if (cv == 0) return mean;
        if (cv == 1) return rng.nextExponential() * mean;
        double shape = 1 / (cv * cv);
        return standard(shape, rng) * mean / shape;
    }

    /** A Gamma(shape, 1) value. */
    static double standard(double shape, RandomGenerator rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return standard(shape + 1, rng) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }
}
