package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.profile.Calibrator;
import dev.servelab.hw.perf.FidelityReport;
import dev.servelab.hw.perf.profile.Holdout;
import dev.servelab.hw.perf.profile.Profile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code servelab fidelity}: prints, for every operator of a profile, the measured time, the
 * calibrated roofline's prediction and the error, as a Markdown table with its median and p90.
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = "Compare the performance model's operator predictions with a measured profile.")
public final class FidelityCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hardware", required = true, description = "hardware id or file (calibrated or not)")
    String hardware;

    @picocli.CommandLine.Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--model", description = "model the profile was measured on (default: identified from its FLOPs)")
    String model;

    @Option(names = "--threshold-ms", defaultValue = "0.1", description = "count operators at least this long (default: ${DEFAULT-VALUE})")
    double thresholdMs;

    @Option(names = "--uncalibrated", description = "ignore the entry's calibration: datasheet ceilings and default curves")
    boolean uncalibrated;

    @Option(names = "--holdout", description = "calibrate on every other measured size of each operator, report on the others")
    boolean holdout;

    @Override
    public Integer call() {
        try {
            HardwareSpec hw = HardwareCatalog.standard().get(hardware);
            Profile p = profile.read();
            ModelSpec m = ModelLoading.modelFor(p, model);
            if (uncalibrated) {
                hw = hw.withCalibration(null);
            }
            if (holdout) {
                Profile[] split = Holdout.split(p);
                hw = hw.withCalibration(Calibrator.fit(hw.withCalibration(null), split[0], m).calibration());
                p = split[1];
            }
            FidelityReport r = FidelityReport.of(PerformanceModel.of(m, hw, Deployment.of(p.tensorParallel(), 1)), p, thresholdMs);
            spec.commandLine().getOut().print(r.markdown());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (CatalogException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("fidelity: " + e.getMessage());
            return 2;
        }
    }
}
