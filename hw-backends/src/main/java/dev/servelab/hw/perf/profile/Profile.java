package dev.servelab.hw.perf.profile;

import java.util.List;

/**
 * A profile file's content: the measured operators and the two ceilings measured beside them
 * (bf16 FLOP/s of a large GEMM and the bytes/s of a device copy, reads plus writes; NaN when the
 * file has none).
 */
public record Profile(String source, List<ProfilePoint> points, double gemmFlopsPerS, double copyBytesPerS) {

    public Profile {
        points = List.copyOf(points);
    }

    public List<ProfilePoint> pointsOf(String op) {
        return points.stream().filter(p -> p.op().equals(op)).toList();
    }
}
