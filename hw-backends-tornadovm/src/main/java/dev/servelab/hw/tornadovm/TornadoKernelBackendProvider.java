package dev.servelab.hw.tornadovm;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.backend.KernelBackendProvider;

/**
 * The TornadoVM backend as {@link java.util.ServiceLoader} finds it
 * ({@code META-INF/services/dev.servelab.hw.backend.KernelBackendProvider}). This class loads
 * without TornadoVM: its probe first checks that the JVM was started under TornadoVM (TornadoVM's
 * argfile sets {@value #RUNTIME_PROPERTY}) with TornadoVM's own parallel-loop annotation (another
 * one, such as ServeLab's, would leave every kernel a single device thread), then asks
 * {@link TornadoDeviceProbe} for a device, turning any {@link LinkageError} into a reason. The
 * first probe's answer is kept.
 */
public final class TornadoKernelBackendProvider implements KernelBackendProvider {
    static final String NAME = "tornadovm";
    static final String RUNTIME_PROPERTY = "tornado.load.runtime.implementation";
    /** The annotation TornadoVM parallelises loops by; {@link DeviceKernels} carries TornadoVM's own. */
    static final String PARALLEL_PROPERTY = "tornado.load.annotation.parallel";
    static final String TORNADO_PARALLEL = "uk.ac.manchester.tornado.api.annotations.Parallel";
    private static volatile BackendProbe answer;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BackendProbe probe() {
        BackendProbe known = answer;
        if (known == null) {
            known = firstProbe();
            answer = known;
        }
        return known;
    }

    @Override
    public KernelBackend open() {
        BackendProbe p = probe();
        if (!p.available()) {
            throw new IllegalStateException(p.reason());
        }
        return new BucketedKernelBackend(new TaskGraphKernelBackend(p.device()));
    }

    static BackendProbe firstProbe() {
        if (System.getProperty(RUNTIME_PROPERTY) == null) {
            return BackendProbe.unavailable("the JVM was not started under TornadoVM (the system property "
                    + RUNTIME_PROPERTY + " is not set)");
        }
        String parallel = System.getProperty(PARALLEL_PROPERTY);
        if (parallel != null && !parallel.equals(TORNADO_PARALLEL)) {
            return BackendProbe.unavailable(PARALLEL_PROPERTY + "=" + parallel + " hides TornadoVM's own @Parallel, "
                    + "which the device kernels carry: every kernel would run as a single device thread (drop the option; "
                    + "TornadoVM's argfile sets " + TORNADO_PARALLEL + ")");
        }
        try {
            return TornadoDeviceProbe.probe();
        } catch (LinkageError | RuntimeException e) {
            return BackendProbe.unavailable("TornadoVM's runtime did not answer: " + e);
        }
    }
}
