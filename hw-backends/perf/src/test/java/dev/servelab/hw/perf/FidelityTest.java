package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.Operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.profile.Calibrator;
import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.profile.ProfileModels;
import dev.servelab.hw.perf.profile.ProfileReader;
import dev.servelab.hw.perf.profile.ProfileTable;
import org.junit.jupiter.api.Test;

/** The numbers docs/FIDELITY.md reports, on the real H200 profile. */
class FidelityTest {
    final Profile profile = ProfileReader.read(SharedData.h200Profile());
    final ModelSpec model = ProfileModels.identify(profile, ModelCatalog.standard());

    @Test
    void profileIsIdentifiedAsLlama31_8b() {
        assertEquals("llama-3.1-8b", model.id());
    }

    @Test
    void calibratedRooflineMeetsTheDocumentedErrors() {
        HardwareSpec datasheet = HardwareCatalog.standard().get("h200").withCalibration(null);
        HardwareSpec calibrated = datasheet.withCalibration(Calibrator.fit(datasheet, profile, model).calibration());
        FidelityReport r = FidelityReport.of(PerformanceModel.of(model, calibrated, Deployment.single()), profile, 0.1);
        assertEquals(44, r.counted());
        // documented: median 3.4 %, p90 9.2 % (targets 5 % and 15 %)
        assertTrue(r.medianAbsError() <= 0.035, r.summary());
        assertTrue(r.p90AbsError() <= 0.095, r.summary());
        FidelityReport.Row worst = r.worst();
        assertEquals("mlp_up_gate", worst.op(), "the documented worst case");
        assertEquals("tokens=128", worst.shape());
    }

    @Test
    void shippedH200EntryReproducesTheTable() {
        HardwareSpec shipped = HardwareCatalog.standard().get("h200");
        FidelityReport r = FidelityReport.of(PerformanceModel.of(model, shipped, Deployment.single()), profile, 0.1);
        assertTrue(r.medianAbsError() <= 0.035 && r.p90AbsError() <= 0.095, r.summary());
    }

    @Test
    void uncalibratedDatasheetDefaultsAreWorseButBounded() {
        HardwareSpec datasheet = HardwareCatalog.standard().get("h200").withCalibration(null);
        FidelityReport r = FidelityReport.of(PerformanceModel.of(model, datasheet, Deployment.single()), profile, 0.1);
        // documented in FIDELITY.md ("uncalibrated"): median 6.6 %, p90 39.0 %
        assertTrue(r.medianAbsError() <= 0.07 && r.p90AbsError() <= 0.40, r.summary());
    }

    @Test
    void calibrationPredictsHeldOutSizes() {
        Profile[] split = dev.servelab.hw.perf.profile.Holdout.split(profile);
        HardwareSpec datasheet = HardwareCatalog.standard().get("h200").withCalibration(null);
        HardwareSpec fitted = datasheet.withCalibration(Calibrator.fit(datasheet, split[0], model).calibration());
        FidelityReport r = FidelityReport.of(PerformanceModel.of(model, fitted, Deployment.single()), split[1], 0.1);
        // documented: 20 held-out operators >= 0.1 ms, median 3.1 %, p90 9.7 %
        assertEquals(20, r.counted());
        assertTrue(r.medianAbsError() <= 0.035 && r.p90AbsError() <= 0.10, r.summary());
    }

    @Test
    void interpolationIsExactAtMeasuredPoints() {
        PerformanceModel pm = PerformanceModel.of(model, HardwareCatalog.standard().get("h200"), Deployment.single())
                .withProfile(new ProfileTable(profile));
        profile.points().forEach(p -> {
            double ns = pm.operatorNanos(Operator.parse(p.op()), p.tokens(), p.batch(), p.context());
            assertEquals(p.ms() * 1e6, ns, 1e-6 * p.ms() * 1e6 + 1, p.op() + " " + p.shape());
        });
    }
}
