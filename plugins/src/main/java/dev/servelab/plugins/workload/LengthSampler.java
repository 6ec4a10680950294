package dev.servelab.plugins.workload;

import java.util.random.RandomGenerator;

/** Draws one token length. */
@FunctionalInterface
public interface LengthSampler {
    int sample(RandomGenerator rng);
}
