package dev.servelab.hw.perf.hardware;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.catalog.CatalogSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hardware catalog: every {@code <id>.yaml} (or {@code .yml}, {@code .json}) under
 * {@code servelab/hardware/} on the class path or in {@code ~/.servelab/hardware/} (see
 * {@link CatalogSources}), plus {@value #THIS_CPU}, measured on first use by
 * {@link CpuMicroBenchmark}.
 */
public final class HardwareCatalog {
    public static final String THIS_CPU = "this-cpu";
    private static volatile HardwareSpec thisCpu;

    private final Map<String, CatalogSources.Entry> entries;

    private HardwareCatalog(Map<String, CatalogSources.Entry> entries) {
        this.entries = entries;
    }

    public static HardwareCatalog standard() {
        return new HardwareCatalog(CatalogSources.list("hardware", List.of("yaml", "yml", "json")));
    }

    public Set<String> ids() {
        Set<String> all = new TreeSet<>(entries.keySet());
        all.add(THIS_CPU);
        return all;
    }

    /** The device with this id, or a path to a hardware file. */
    public HardwareSpec get(String idOrPath) {
        CatalogSources.Entry e = entries.get(idOrPath);
        if (e != null) {
            return HardwareFileReader.read(e.id(), e.path());
        }
        if (THIS_CPU.equals(idOrPath)) {
            return thisCpu();
        }
        Path p = Path.of(idOrPath);
        if (Files.isRegularFile(p)) {
            return load(p);
        }
        throw new CatalogException("unknown hardware '" + idOrPath + "'; known: " + String.join(", ", ids())
                + " (or give the path of a hardware file)");
    }

    public static HardwareSpec load(Path file) {
        return HardwareFileReader.readAnywhere(file);
    }

    /**
     * Whether this JVM has measured {@value #THIS_CPU} already (then {@link #thisCpu()} returns at once). Never
     * waits for a measurement in progress, so the workbench can ask from the JavaFX thread.
     */
    public static boolean thisCpuMeasured() {
        return thisCpu != null;
    }

    /** This machine's CPU, measured once per JVM. */
    public static synchronized HardwareSpec thisCpu() {
        if (thisCpu == null) {
            CpuMicroBenchmark.Result r = CpuMicroBenchmark.measure();
            thisCpu = new HardwareSpec(THIS_CPU, "This machine's CPU (" + r.threads() + " threads, measured)", "cpu",
                    CpuMicroBenchmark.physicalMemoryBytes(), r.bytesPerS(), r.flopsPerS(), r.flopsPerS(), 0,
                    new LinkSpec("shared memory", r.bytesPerS(), 1_000), new LinkSpec("1 GbE", 0.125e9, 50_000),
                    1, 65, 10, 0,
                    List.of("measured by dev.servelab.hw.perf.hardware.CpuMicroBenchmark: JIT-vectorized float"
                            + " multiply-add on all cores, and a 128 MiB array read on all cores"),
                    "FLOP/s are fp32 as the JVM computes them; TDP 65 W is a placeholder", null);
        }
        return thisCpu;
    }
}
