package dev.servelab.hw.perf;

import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.hardware.LinkSpec;
import dev.servelab.hw.perf.profile.ProfileTable;
import dev.servelab.hw.perf.roofline.Calibration;
import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.OperatorClass;
import dev.servelab.hw.perf.roofline.Roofline;

/**
 * Times single operators on one device of a deployment: the measured profile where it covers
 * the shape (only for an unsharded deployment, TP 1, the shape the profile was measured in),
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

    OperatorTimer(OperatorCosts costs, HardwareSpec hw, Deployment d, ProfileTable profile) {
        this.costs = costs;
        Calibration c = hw.calibrationOrDefault();
        for (OperatorClass oc : OperatorClass.values()) {
            efficiency[oc.ordinal()] = c.of(oc);
        }
        double dtypeRatio = hw.denseFlopsPerS(d.computeDtype()) / hw.bf16DenseFlopsPerS();
        gemmFlopsPerS = c.bf16FlopsPerS() * dtypeRatio;
        attentionFlopsPerS = c.bf16FlopsPerS();
        bytesPerS = c.memoryBandwidthBytesPerS();
        this.profile = d.tensorParallel() == 1 ? profile : null;
        tp = d.tensorParallel();
        tpLink = tp <= Math.max(1, hw.devicesPerNode()) ? hw.scaleUp() : hw.scaleOut();
        ppLink = d.devices() <= Math.max(1, hw.devicesPerNode()) ? hw.scaleUp() : hw.scaleOut();
    }

    /** Nanoseconds of a token-indexed operator over {@code tokens} rows (0 for no tokens). */
    public double nanos(Operator op, double tokens) {
        if (tokens <= 0) {
            return 0;
        }
        if (op == Operator.ALL_REDUCE) {
            return tpLink.allReduceNanos(tokens * costs.hiddenBytesPerToken(), tp);
        }
        if (op == Operator.SEND_RECV) {
            return ppLink.sendRecvNanos(tokens * costs.hiddenBytesPerToken());
        }
        if (profile != null) {
            double measured = profile.tokenNanos(op, tokens);
            if (measured == measured) {
                return measured;
            }
        }
        return roofline(op.operatorClass(), costs.flops(op, tokens), costs.bytes(op, tokens), op);
    }

    /** Roofline nanoseconds, ignoring any profile. */
    public double rooflineNanos(Operator op, double tokens) {
        return roofline(op.operatorClass(), costs.flops(op, tokens), costs.bytes(op, tokens), op);
    }

    /** One prefill chunk's attention body (no launch): {@code chunk} new tokens after {@code context}. */
    public double prefillBodyNanos(double chunk, double context) {
        if (profile != null && context == 0) {
            double measured = profile.tokenNanos(Operator.ATTN_PREFILL, chunk);
            if (measured == measured) {
                return measured - launchNanos(OperatorClass.ATTN_PREFILL);
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
                return measured;
            }
        }
        return decodeRooflineNanos(batch, totalContext);
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

    public double launchNanos(OperatorClass oc) {
        return efficiency[oc.ordinal()].launchNanos();
    }

    private double roofline(OperatorClass oc, double flops, double bytes, Operator op) {
        double peak = oc == OperatorClass.GEMM ? gemmFlopsPerS : attentionFlopsPerS;
        return Roofline.nanos(efficiency[oc.ordinal()], flops, bytes, peak, bytesPerS);
    }

    public OperatorCosts costs() {
        return costs;
    }
}
