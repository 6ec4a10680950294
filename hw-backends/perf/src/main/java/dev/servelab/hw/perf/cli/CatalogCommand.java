package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.memory.KvBudget;
import dev.servelab.hw.perf.memory.KvMemoryModel;
import dev.servelab.hw.perf.memory.MemorySettings;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code servelab catalog}: lists the hardware and model catalogs; with {@code --model} and
 * {@code --hardware}, the replica's vLLM memory budget and KV blocks.
 */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "List hardware and models, or show a replica's memory budget and KV blocks.")
public final class CatalogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", description = "model id: with --hardware, print the KV budget")
    String model;

    @Option(names = "--hardware", description = "hardware id (this-cpu runs a ~1 s micro-benchmark)")
    String hardware;

    @Option(names = "--block-size", defaultValue = "16", description = "KV block size in tokens (default: ${DEFAULT-VALUE})")
    int blockSize;

    @Option(names = "--gpu-memory-utilization", defaultValue = "0.9", description = "vLLM's gpu_memory_utilization (default: ${DEFAULT-VALUE})")
    double utilization;

    @Mixin
    DeploymentOptions deployment = new DeploymentOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            print(out);
        } catch (dev.servelab.hw.perf.catalog.CatalogException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("catalog: " + e.getMessage());
            return 2;
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out) {
        if (model != null && hardware != null) {
            ModelSpec m = ModelCatalog.standard().get(model);
            HardwareSpec h = HardwareCatalog.standard().get(hardware);
            Deployment d = deployment.deployment();
            KvBudget b = KvMemoryModel.budget(m, h, d,
                    MemorySettings.vllmDefaults().withBlockSize(blockSize).withUtilization(utilization));
            out.printf(Locale.ROOT, "%s on %s (tp %d, pp %d): weights %.2f GiB/device, activations %.2f GiB,"
                    + " KV %.2f GiB -> %d blocks of %d tokens (%d tokens)%n", m.id(), h.id(), d.tensorParallel(),
                    d.pipelineParallel(), gib(b.weightBytesPerDevice()), gib(b.activationBytesPerDevice()),
                    gib(b.kvBytesPerDevice()), b.kvBlocks(), b.blockSizeTokens(), b.kvTokens());
        } else {
            out.println("hardware: " + String.join(", ", HardwareCatalog.standard().ids()));
            out.println("models:   " + String.join(", ", ModelCatalog.standard().ids()));
        }
    }

    private static double gib(double bytes) {
        return bytes / (1024.0 * 1024 * 1024);
    }
}
