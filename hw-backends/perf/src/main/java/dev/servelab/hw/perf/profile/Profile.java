package dev.servelab.hw.perf.profile;

import java.util.List;

/**
 * A profile file's content: the measured operators, the two ceilings measured beside them
 * (bf16 FLOP/s of a large GEMM and the bytes/s of a device copy, reads plus writes; NaN when the
 * file has none), the tensor-parallel degree the operators were measured at (their shapes
 * are one device's shard), and whether the times include the kernel launch (true for ops timed
 * alone with CUDA events, as in {@code shared/profiles}; false for kernel-only timings such as
 * Vidur's Kineto traces).
 */
public record Profile(String source, List<ProfilePoint> points, double gemmFlopsPerS, double copyBytesPerS,
        int tensorParallel, boolean launchIncluded) {

    public Profile {
        points = List.copyOf(points);
        if (tensorParallel < 1) {
            throw new IllegalArgumentException("tensor-parallel degree must be >= 1");
        }
    }

    /** A profile measured on one unsharded device, launch included. */
    public Profile(String source, List<ProfilePoint> points, double gemmFlopsPerS, double copyBytesPerS) {
        this(source, points, gemmFlopsPerS, copyBytesPerS, 1, true);
    }

    public List<ProfilePoint> pointsOf(String op) {
        return points.stream().filter(p -> p.op().equals(op)).toList();
    }
}
