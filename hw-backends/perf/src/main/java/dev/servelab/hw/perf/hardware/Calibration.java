package dev.servelab.hw.perf.hardware;

import dev.servelab.hw.perf.roofline.OperatorClass;
import dev.servelab.hw.perf.roofline.Efficiency;
import java.util.EnumMap;
import java.util.Map;

/**
 * The measured side of a hardware entry: the ceilings a micro-benchmark reached (bf16 dense
 * matrix product FLOP/s and copy bandwidth) and one {@link Efficiency} per operator class, all
 * efficiencies relative to these ceilings. {@code source} says where it came from (a profile
 * file, or "defaults" for an uncalibrated device). {@code prefillSquareFraction} is the share of
 * each prefill chunk's own score square that the attention kernel computes (0.5 with causal
 * block skipping; see {@link dev.servelab.hw.perf.operator.OperatorCosts}). {@code scaleUp}, when not
 * null, is the tensor-parallel link as measured (it replaces the datasheet link).
 * {@code launchIncluded} says whether the fitted fixed costs contain the launch latency of an
 * isolated kernel (profiles timed with CUDA events) or are kernel time only (Kineto traces).
 */
public record Calibration(
        String source, double bf16FlopsPerS, double memoryBandwidthBytesPerS, Map<OperatorClass, Efficiency> efficiencies,
        double prefillSquareFraction, LinkSpec scaleUp, boolean launchIncluded) {

    /** A calibration whose prefill attention skips the causally masked half of each chunk (0.5). */
    public Calibration(String source, double bf16FlopsPerS, double memoryBandwidthBytesPerS,
            Map<OperatorClass, Efficiency> efficiencies) {
        this(source, bf16FlopsPerS, memoryBandwidthBytesPerS, efficiencies, 0.5, null, true);
    }

    /** The same calibration with a measured scale-up link (null: use the datasheet link). */
    public Calibration withScaleUp(LinkSpec link) {
        return new Calibration(source, bf16FlopsPerS, memoryBandwidthBytesPerS, efficiencies, prefillSquareFraction, link,
                launchIncluded);
    }

    public Calibration {
        if (!(prefillSquareFraction >= 0.5 && prefillSquareFraction <= 1.0)) {
            throw new IllegalArgumentException("prefill_square_fraction must be in [0.5, 1], got " + prefillSquareFraction);
        }
        if (!(bf16FlopsPerS > 0) || !(memoryBandwidthBytesPerS > 0)) {
            throw new IllegalArgumentException("calibration ceilings must be positive");
        }
        EnumMap<OperatorClass, Efficiency> copy = new EnumMap<>(OperatorClass.class);
        copy.putAll(efficiencies);
        for (OperatorClass c : OperatorClass.values()) {
            if (!copy.containsKey(c)) {
                throw new IllegalArgumentException("calibration lacks operator class " + c.key());
            }
        }
        efficiencies = java.util.Collections.unmodifiableMap(copy);
    }

    public Efficiency of(OperatorClass c) {
        return efficiencies.get(c);
    }

    /**
     * Defaults for a device nobody has profiled: ceilings at 75 % of the datasheet's dense peak and
     * 85 % of its memory bandwidth (what a bf16 GEMM and a device copy reach on A100/H100/H200),
     * and efficiency curves shaped like the H200 calibration but with a smaller launch overhead
     * ({@code launchNanos}) since serving engines replay decode iterations as CUDA graphs.
     */
    public static Calibration defaults(double bf16PeakFlopsPerS, double bandwidthBytesPerS, double launchNanos) {
        EnumMap<OperatorClass, Efficiency> m = new EnumMap<>(OperatorClass.class);
        m.put(OperatorClass.GEMM, new Efficiency(launchNanos, 0.93, 2e9, 1.0, 16e6));
        m.put(OperatorClass.ATTN_PREFILL, new Efficiency(launchNanos, 0.75, 2e10, 0.5, 1e6));
        m.put(OperatorClass.ATTN_DECODE, new Efficiency(launchNanos, 0.1, 1e9, 0.95, 16e6));
        m.put(OperatorClass.NORM, new Efficiency(launchNanos, 1.0, 0, 0.7, 1e6));
        m.put(OperatorClass.ACTIVATION, new Efficiency(launchNanos, 1.0, 0, 0.5, 1e6));
        m.put(OperatorClass.ELEMENTWISE, new Efficiency(launchNanos, 1.0, 0, 0.6, 1e6));
        return new Calibration("defaults (uncalibrated)", 0.75 * bf16PeakFlopsPerS, 0.85 * bandwidthBytesPerS, m);
    }
}
