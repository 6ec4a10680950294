package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareFileWriter;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.profile.Calibrator;
import dev.servelab.hw.perf.FidelityReport;
import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.OperatorClass;
import dev.servelab.hw.perf.vidur.VidurAllReduceFit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code servelab calibrate}: fits a hardware entry's efficiency curves to a measured profile and
 * writes the calibrated hardware file (by default into {@code ~/.servelab/hardware/}, where it
 * replaces the shipped entry of the same id).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit a hardware entry's efficiencies and overheads to a measured operator profile,",
            "or, with --live, measure a live backend and write a profile that exec.calibrated simulates."})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hardware", description = "hardware id or file to calibrate (required without --live)")
    String hardware;

    @Option(names = "--live", description = "measure a live backend instead (with --backend and --model FILE.gguf)")
    boolean live;

    @Option(names = "--backend", defaultValue = "jvm", description = "with --live: the backend (default: ${DEFAULT-VALUE})")
    String backend;

    @picocli.CommandLine.Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--model", description = "model the profile was measured on (default: identified from its FLOPs);"
            + " with --live: the GGUF file to run")
    String model;

    @Option(names = "--vidur-all-reduce", description = "also fit the scale-up link to a Vidur all_reduce.csv")
    Path vidurAllReduce;

    @Option(names = "--all-reduce-workers", defaultValue = "2", description = "with --vidur-all-reduce: rows of this many workers (default: ${DEFAULT-VALUE})")
    int allReduceWorkers;

    @Option(names = "--out", description = "calibrated hardware file to write (default: ~/.servelab/hardware/<id>.yaml)")
    Path out;

    @Override
    public Integer call() throws java.io.IOException {
        if (live) {
            if (model == null) throw new dev.servelab.engine.ServeLabException("calibrate --live needs --model FILE.gguf");
            return LiveCalibrator.find().run(spec.commandLine().getOut(), backend, Path.of(model), out);
        }
        if (hardware == null || profile.profile == null) {
            throw new dev.servelab.engine.ServeLabException("calibrate needs --hardware ID and --profile FILE (or --live)");
        }
        PrintWriter o = spec.commandLine().getOut();
        try {
            HardwareSpec hw = HardwareCatalog.standard().get(hardware);
            Profile p = profile.read();
            ModelSpec m = ModelLoading.modelFor(p, model);
            Calibrator.Outcome fit = Calibrator.fit(hw, p, m);
            HardwareSpec calibrated = hw.withCalibration(fit.calibration());
            if (vidurAllReduce != null) {
                var link = VidurAllReduceFit.fit(vidurAllReduce, allReduceWorkers);
                calibrated = hw.withCalibration(fit.calibration().withScaleUp(link));
                o.printf(Locale.ROOT, "  scale-up link %s: %.1f GB/s, %.2f us per ring step%n", link.name(),
                        link.bandwidthBytesPerS() / 1e9, link.latencyNanos() / 1e3);
            }
            Path target = out != null ? out : Path.of(System.getProperty("user.home"), ".servelab", "hardware", hw.id() + ".yaml");
            HardwareFileWriter.write(calibrated, target);
            o.printf(Locale.ROOT, "calibrated %s on %d points of %s (model %s); ceilings %.1f TFLOPS, %.0f GB/s%n",
                    hw.id(), fit.points(), profile.profile, m.id(), fit.calibration().bf16FlopsPerS() / 1e12,
                    fit.calibration().memoryBandwidthBytesPerS() / 1e9);
            for (OperatorClass c : OperatorClass.values()) {
                Efficiency e = fit.calibration().of(c);
                Double rms = fit.rmsLogError().get(c);
                o.printf(Locale.ROOT, "  %-12s launch %6.2f us  compute_eff %.3f  half %.3g GFLOP  memory_eff %.3f  half %.3g MB  %s%n",
                        c.key(), e.launchNanos() / 1e3, e.computeEff(), e.computeHalfFlops() / 1e9, e.memoryEff(),
                        e.memoryHalfBytes() / 1e6, rms == null ? "(not profiled: borrowed)" : String.format(Locale.ROOT, "rms log error %.3f", rms));
            }
            FidelityReport r = FidelityReport.of(PerformanceModel.of(m, calibrated, Deployment.of(p.tensorParallel(), 1)), p, 0.1);
            o.println(r.summary());
            o.println("wrote " + target);
            o.flush();
            return 0;
        } catch (CatalogException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("calibrate: " + e.getMessage());
            return 2;
        }
    }
}
