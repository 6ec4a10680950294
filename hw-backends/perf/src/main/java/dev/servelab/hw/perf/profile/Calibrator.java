package dev.servelab.hw.perf.profile;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.operator.OperatorCosts;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.hardware.Calibration;
import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.OperatorClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a hardware entry's {@link Calibration} to a measured profile. The ceilings come from the
 * profile's own {@code ceiling} lines (the large GEMM and the device copy) or, when it has none,
 * from the device's uncalibrated defaults; then one {@link EfficiencyFit} per operator class over
 * that class's points, each reduced to FLOPs and bytes by {@link OperatorCosts} for the model
 * the profile was measured on (at the profile's TP degree, bf16). Classes the profile does not measure keep a related
 * fitted class's curve (element-wise kernels take RMSNorm's) or the defaults. Prefill attention is
 * fitted twice, with and without causal skipping of each chunk's masked half (see
 * {@link OperatorCosts}); the full square is kept only when it fits clearly better (by 5 %).
 */
public final class Calibrator {
    private Calibrator() {}

    /** The calibration and the per-class fit quality. */
    public record Outcome(Calibration calibration, Map<OperatorClass, Double> rmsLogError, int points) {}

    public static Outcome fit(HardwareSpec hw, Profile profile, ModelSpec model) {
        Calibration defaults = hw.calibrationOrDefault();
        double flopsPerS = Double.isNaN(profile.gemmFlopsPerS()) ? defaults.bf16FlopsPerS() : profile.gemmFlopsPerS();
        double bytesPerS = Double.isNaN(profile.copyBytesPerS()) ? defaults.memoryBandwidthBytesPerS() : profile.copyBytesPerS();
        Map<OperatorClass, List<CalibrationPoint>> byClass = points(profile, model, 0.5);
        EfficiencyFit fit = new EfficiencyFit(flopsPerS, bytesPerS);
        Map<OperatorClass, Efficiency> eff = new EnumMap<>(OperatorClass.class);
        Map<OperatorClass, Double> rms = new EnumMap<>(OperatorClass.class);
        int n = 0;
        double fraction = 0.5;
        for (Map.Entry<OperatorClass, List<CalibrationPoint>> e : byClass.entrySet()) {
            if (e.getValue().size() >= 3) {
                EfficiencyFit.Result r = fit.fit(e.getValue());
                if (e.getKey() == OperatorClass.ATTN_PREFILL) {
                    // does the kernel skip the masked half of each chunk? keep the clearly better fit
                    EfficiencyFit.Result full = fit.fit(points(profile, model, 1.0).get(OperatorClass.ATTN_PREFILL));
                    if (full.rmsLogError() < 0.95 * r.rmsLogError()) {
                        r = full;
                        fraction = 1.0;
                    }
                }
                eff.put(e.getKey(), r.efficiency());
                rms.put(e.getKey(), r.rmsLogError());
                n += e.getValue().size();
            }
        }
        for (OperatorClass c : OperatorClass.values()) {
            if (!eff.containsKey(c)) {
                Efficiency related = c == OperatorClass.ELEMENTWISE ? eff.get(OperatorClass.NORM) : null;
                eff.put(c, related != null ? related : defaults.of(c));
            }
        }
        String source = "fitted by servelab calibrate to " + fileName(profile.source()) + " (" + n + " operator points, model "
                + model.id() + ")";
        return new Outcome(new Calibration(source, flopsPerS, bytesPerS, eff, fraction, defaults.scaleUp(),
                profile.launchIncluded()), rms, n);
    }

    /** The profile's points, grouped by operator class, as FLOPs/bytes/ns for {@code model} at the profile's TP degree. */
    public static Map<OperatorClass, List<CalibrationPoint>> points(Profile profile, ModelSpec model,
            double prefillSquareFraction) {
        OperatorCosts costs = new OperatorCosts(model, Deployment.of(profile.tensorParallel(), 1), prefillSquareFraction);
        Map<OperatorClass, List<CalibrationPoint>> byClass = new EnumMap<>(OperatorClass.class);
        for (ProfilePoint p : profile.points()) {
            Operator op;
            try {
                op = Operator.parse(p.op());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (op.operatorClass() == null) {
                continue;
            }
            byClass.computeIfAbsent(op.operatorClass(), c -> new ArrayList<>())
                    .add(new CalibrationPoint(op.operatorClass(), flops(costs, op, p), bytes(costs, op, p), p.ms() * 1e6,
                            p.op() + " " + p.shape()));
        }
        return byClass;
    }

    static double flops(OperatorCosts c, Operator op, ProfilePoint p) {
        return switch (op) {
            case ATTN_PREFILL -> c.prefillFlops(p.tokens(), p.context());
            case ATTN_DECODE -> c.decodeFlops((double) p.batch() * p.context());
            default -> c.flops(op, p.tokens());
        };
    }

    static double bytes(OperatorCosts c, Operator op, ProfilePoint p) {
        return switch (op) {
            case ATTN_PREFILL -> c.prefillBytes(p.tokens(), p.context());
            case ATTN_DECODE -> c.decodeBytes(p.batch(), (double) p.batch() * p.context());
            default -> c.bytes(op, p.tokens());
        };
    }

    private static String fileName(String path) {
        return java.nio.file.Path.of(path).getFileName().toString();
    }
}
