package dev.servelab.engine.run;

/**
 * Which requests keep per-token timestamps: the first {@code firstN} in arrival order, then every
 * {@code stride}-th (0 = none), so runs up to {@code firstN} requests keep all and larger runs keep a
 * deterministic sample.
 */
record TokenSampler(long firstN, long stride) {
    boolean sampled(long arrivalIndex) {
        return arrivalIndex < firstN || (stride > 0 && arrivalIndex % stride == 0);
    }
}
