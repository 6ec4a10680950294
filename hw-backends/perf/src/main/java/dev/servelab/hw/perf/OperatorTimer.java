package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.OperatorCosts;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.hardware.LinkSpec;
import dev.servelab.hw.perf.profile.ProfileTable;
import dev.servelab.hw.perf.hardware.Calibration;
import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.OperatorClass;
import dev.servelab.hw.perf.roofline.Roofline;

/**
 * Times single operators on one device of a deployment: the measured profile where it covers
 * the shape (only when the deployment's TP degree is the one the profile was measured at),
 * the calibrated roofline everywhere else. Communication is timed on the hardware's links.
 * Nothing here allocates.
 */
public final class OperatorTimer {
    private final OperatorCosts costs;
    private final Efficiency[] efficiency = new Efficiency[OperatorClass.values().length];
    private final double gemmFlopsPerS;
    private final double attentionFlopsPerS;
    private final double bytesPerS;
    private final ProfileTable profile;
    private final LinkSpec tpLink;
    private final LinkSpec ppLink;
    private final int tp;
    private final double launchOverrideNanos;
    private final boolean launchIncluded;

    /**
     * {@code launchOverrideNanos}: when not NaN, every kernel's calibrated launch overhead (which
     * profiles taken in eager PyTorch include, ~20 us on the H200) is replaced by this value, to
     * model engines that replay iterations as CUDA graphs (a few us between kernels).
     */
    OperatorTimer(OperatorCosts costs, HardwareSpec hw, Deployment d, ProfileTable profile, double launchOverrideNanos) {
        this.costs = costs;
        this.launchOverrideNanos = launchOverrideNanos;
        Calibration c = hw.calibrationOrDefault();
        launchIncluded = c.launchIncluded();
        for (OperatorClass oc : OperatorClass.values()) {
            efficiency[oc.ordinal()] = c.of(oc);
        }
        double dtypeRatio = hw.denseFlopsPerS(d.computeDtype()) / hw.bf16DenseFlopsPerS();
        gemmFlopsPerS = c.bf16FlopsPerS() * dtypeRatio;
        attentionFlopsPerS = c.bf16FlopsPerS();
        bytesPerS = c.memoryBandwidthBytesPerS();
        this.profile = profile != null && d.tensorParallel() == profile.profile().tensorParallel() ? profile : null;
        tp = d.tensorParallel();
        LinkSpec scaleUp = c.scaleUp() != null ? c.scaleUp() : hw.scaleUp();
        tpLink = tp <= Math.max(1, hw.devicesPerNode()) ? scaleUp : hw.scaleOut();
        ppLink = d.devices() <= Math.max(1, hw.devicesPerNode()) ? scaleUp : hw.scaleOut();
    }

    /** Nanoseconds of a token-indexed operator over {@code tokens} rows (0 for no tokens). */
    public double nanos(Operator op, double tokens) {
        if (tokens <= 0) {
            return 0;
        }
        if (op == Operator.ALL_REDUCE) {
            return tpLink.allReduceNanos(tokens * costs.hiddenBytesPerToken(), tp);
        }
        if (op == Operator.ALL_TO_ALL) {
            return tpLink.allToAllNanos(costs.allToAllBytesPerRank(tokens), costs.expertParallel());
        }
        if (op == Operator.SEND_RECV) {
            return ppLink.sendRecvNanos(tokens * costs.hiddenBytesPerToken());
        }
        if (profile != null) {
            double measured = profile.tokenNanos(op, tokens);
            if (measured == measured) {
                return relaunch(measured, op.operatorClass(), costs.flops(op, tokens), costs.bytes(op, tokens));
            }
        }
        double flops = costs.flops(op, tokens);
        double bytes = costs.bytes(op, tokens);
        return relaunch(roofline(op.operatorClass(), flops, bytes), op.operatorClass(), flops, bytes);
    }

    /** Roofline nanoseconds, ignoring any profile. */
    public double rooflineNanos(Operator op, double tokens) {
        return roofline(op.operatorClass(), costs.flops(op, tokens), costs.bytes(op, tokens));
    }

    /** One prefill chunk's attention body (no launch): {@code chunk} new tokens after {@code context}. */
    public double prefillBodyNanos(double chunk, double context) {
        if (profile != null && context == 0) {
            double measured = profile.tokenNanos(Operator.ATTN_PREFILL, chunk);
            if (measured == measured) {
                double body = measured - efficiency[OperatorClass.ATTN_PREFILL.ordinal()].launchNanos();
                return launchOverrideNanos == launchOverrideNanos
                        ? relaunch(measured, OperatorClass.ATTN_PREFILL, costs.prefillFlops(chunk, 0),
                                costs.prefillBytes(chunk, 0)) - launchOverrideNanos
                        : body;
            }
        }
        return Roofline.bodyNanos(efficiency[OperatorClass.ATTN_PREFILL.ordinal()], costs.prefillFlops(chunk, context),
                costs.prefillBytes(chunk, context), attentionFlopsPerS, bytesPerS);
    }

    /** Decode attention over {@code batch} sequences whose contexts add up to {@code totalContext}. */
    public double decodeNanos(double batch, double totalContext) {
        if (batch <= 0) {
            return 0;
        }
        if (profile != null) {
            double measured = profile.decodeNanos(batch, totalContext / batch);
            if (measured == measured) {
                return relaunch(measured, OperatorClass.ATTN_DECODE, costs.decodeFlops(totalContext),
                        costs.decodeBytes(batch, totalContext));
            }
        }
        return relaunch(decodeRooflineNanos(batch, totalContext), OperatorClass.ATTN_DECODE,
                costs.decodeFlops(totalContext), costs.decodeBytes(batch, totalContext));
    }

    public double decodeRooflineNanos(double batch, double totalContext) {
        return Roofline.nanos(efficiency[OperatorClass.ATTN_DECODE.ordinal()], costs.decodeFlops(totalContext),
                costs.decodeBytes(batch, totalContext), attentionFlopsPerS, bytesPerS);
    }

    /** Gathering the vocabulary-parallel logits shards of {@code tokens} tokens (0 without TP). */
    public double logitsGatherNanos(double tokens) {
        if (tp <= 1 || tokens <= 0) {
            return 0;
        }
        double steps = tp - 1.0;
        return steps * tokens * costs.logitBytesPerToken() / tpLink.bandwidthBytesPerS() * 1e9
                + steps * tpLink.latencyNanos();
    }

    /**
     * One GEMM-class kernel of {@code flops} and {@code bytes} on one device (calibrated roofline, launch as
     * every kernel's): for kernels outside the operator list, such as the LoRA shrink/expand (Punica's SGMV).
     */
    public double gemmKernelNanos(double flops, double bytes) {
        return relaunch(roofline(OperatorClass.GEMM, flops, bytes), OperatorClass.GEMM, flops, bytes);
    }

    /** The launch overhead charged per kernel of this class (the override when one is set). */
    public double launchNanos(OperatorClass oc) {
        return launchOverrideNanos == launchOverrideNanos ? launchOverrideNanos : efficiency[oc.ordinal()].launchNanos();
    }

    /**
     * Replaces the fixed per-kernel cost inside {@code nanos} by the override, if any (for a
     * kernel-only calibration, adds the override: nothing in it is launch latency). The fixed
     * cost is what the calibrated curve predicts for an empty kernel, launch plus the half-size
     * terms ({@link #floorNanos}): in an eager profile these cannot be told apart. What remains is
     * never less than the ideal roofline time at the ceilings.
     */
    private double relaunch(double nanos, OperatorClass oc, double flops, double bytes) {
        if (launchOverrideNanos != launchOverrideNanos) {
            return nanos;
        }
        if (!launchIncluded) {
            return nanos + launchOverrideNanos; // kernel-only calibration: the gap comes on top
        }
        double peak = oc == OperatorClass.GEMM ? gemmFlopsPerS : attentionFlopsPerS;
        double ideal = Math.max(flops / peak, bytes / bytesPerS) * 1e9;
        return Math.max(ideal, nanos - floorNanos(oc)) + launchOverrideNanos;
    }

    /** The calibrated time of an empty kernel of class {@code oc}: launch plus the half-size terms. */
    public double floorNanos(OperatorClass oc) {
        Efficiency e = efficiency[oc.ordinal()];
        double peak = oc == OperatorClass.GEMM ? gemmFlopsPerS : attentionFlopsPerS;
        return e.launchNanos() + Math.max(e.computeHalfFlops() / (peak * e.computeEff()),
                e.memoryHalfBytes() / (bytesPerS * e.memoryEff())) * 1e9;
    }

    private double roofline(OperatorClass oc, double flops, double bytes) {
        double peak = oc == OperatorClass.GEMM ? gemmFlopsPerS : attentionFlopsPerS;
        return Roofline.nanos(efficiency[oc.ordinal()], flops, bytes, peak, bytesPerS);
    }

    public OperatorCosts costs() {
        return costs;
    }
}
