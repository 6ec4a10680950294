package dev.servelab.hw.tornadovm;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.backend.KernelBackendProvider;

/**
 * The TornadoVM backend as {@link java.util.ServiceLoader} finds it
 * ({@code META-INF/services/dev.servelab.hw.backend.KernelBackendProvider}). This class loads
 * without TornadoVM: its probe first checks that the JVM was started under TornadoVM (TornadoVM's
 * argfile sets {@value #RUNTIME_PROPERTY}), then asks {@link TornadoDeviceProbe} for a device,
 * turning any {@link LinkageError} into a reason. The first probe's answer is kept.
 */
public final class TornadoKernelBackendProvider implements KernelBackendProvider {
    static final String NAME = "tornadovm";
    static final String RUNTIME_PROPERTY = "tornado.load.runtime.implementation";
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

    private static BackendProbe firstProbe() {
        if (System.getProperty(RUNTIME_PROPERTY) == null) {
            return BackendProbe.unavailable("the JVM was not started under TornadoVM (the system property "
                    + RUNTIME_PROPERTY + " is not set)");
        }
        try {
            return TornadoDeviceProbe.probe();
        } catch (LinkageError | RuntimeException e) {
            return BackendProbe.unavailable("TornadoVM's runtime did not answer: " + e);
        }
    }
}
