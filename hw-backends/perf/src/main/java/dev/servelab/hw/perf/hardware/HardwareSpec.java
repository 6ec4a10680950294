package dev.servelab.hw.perf.hardware;

import dev.servelab.hw.perf.model.Dtype;
import java.util.List;

/**
 * One device of the hardware catalog, in SI units named in the fields. Peak FLOP/s are the
 * datasheet's <em>dense</em> tensor-core figures (vendors also print 2x "with sparsity" numbers,
 * which no serving engine reaches on dense weights). {@code fp8DenseFlopsPerS} is 0 on devices
 * without fp8 tensor cores. {@code scaleUp} is the link used for tensor parallelism inside a
 * node (NVLink, Infinity Fabric, or PCIe where there is none); {@code scaleOut} the network
 * between nodes. {@code calibration} is null until a profile has been fitted (see
 * {@link #calibrationOrDefault()}).
 */
public record HardwareSpec(
        String id,
        String name,
        String kind,
        double memoryBytes,
        double memoryBandwidthBytesPerS,
        double bf16DenseFlopsPerS,
        double fp16DenseFlopsPerS,
        double fp8DenseFlopsPerS,
        LinkSpec scaleUp,
        LinkSpec scaleOut,
        int devicesPerNode,
        double tdpWatts,
        double idleWatts,
        double hourlyCostUsd,
        List<String> sources,
        String notes,
        Calibration calibration) {

    public HardwareSpec {
        sources = List.copyOf(sources);
    }

    public boolean isCalibrated() {
        return calibration != null;
    }

    /** The fitted calibration, or datasheet-derived defaults (see {@link Calibration#defaults}). */
    public Calibration calibrationOrDefault() {
        if (calibration != null) {
            return calibration;
        }
        double launchNanos = "gpu".equals(kind) ? 4_000 : 2_000;
        return Calibration.defaults(bf16DenseFlopsPerS, memoryBandwidthBytesPerS, launchNanos);
    }

    /**
     * Dense peak for arithmetic in {@code dtype}: fp8 where the device has fp8 units, otherwise
     * the 16-bit rate (int8/int4 weight-only formats are dequantized and multiplied in 16 bits).
     */
    public double denseFlopsPerS(Dtype computeDtype) {
        return switch (computeDtype) {
            case FP8 -> fp8DenseFlopsPerS > 0 ? fp8DenseFlopsPerS : bf16DenseFlopsPerS;
            case FP16 -> fp16DenseFlopsPerS;
            default -> bf16DenseFlopsPerS;
        };
    }

    /** Whether the device has fp8 tensor cores (a catalog {@code fp8_dense_tflops} above 0). */
    public boolean hasFp8Units() {
        return fp8DenseFlopsPerS > 0;
    }

    /**
     * Null when matrix products in {@code computeDtype} run at that dtype's own rate here; otherwise one
     * line saying which rate is used instead: fp8 on a device without fp8 units (A100, the Jetsons, CPUs)
     * runs as a weight-only format (fp8 weights read as 1 byte, dequantized and multiplied at the
     * bf16 rate, as vLLM's Marlin fp8 kernel does on Ampere).
     */
    public String computeFallbackNote(Dtype computeDtype) {
        if (computeDtype != Dtype.FP8 || hasFp8Units()) {
            return null;
        }
        return id + " has no fp8 tensor cores (fp8_dense_tflops 0): fp8 weights are read as 1 byte but multiplied"
                + " at the bf16 rate (" + Math.round(bf16DenseFlopsPerS / 1e12) + " TFLOPS dense), as a weight-only format";
    }

    public HardwareSpec withCalibration(Calibration c) {
        return new HardwareSpec(id, name, kind, memoryBytes, memoryBandwidthBytesPerS, bf16DenseFlopsPerS,
                fp16DenseFlopsPerS, fp8DenseFlopsPerS, scaleUp, scaleOut, devicesPerNode, tdpWatts, idleWatts,
                hourlyCostUsd, sources, notes, c);
    }
}
