package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.backend.KernelBackendProvider;

/** A GPU backend whose probe answers but whose open fails (a device that vanishes, a driver error). */
public final class OpenFailingKernelBackendProvider implements KernelBackendProvider {
    @Override
    public String name() {
        return "open-failing";
    }

    @Override
    public BackendProbe probe() {
        return BackendProbe.ready("a device that answers its probe");
    }

    @Override
    public KernelBackend open() {
        throw new IllegalStateException("CL_OUT_OF_RESOURCES while creating the context");
    }
}
