package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.backend.KernelBackendProvider;

/** A provider that loads but whose runtime classes are missing: its probe throws a {@link LinkageError}. */
public final class LinkFailingKernelBackendProvider implements KernelBackendProvider {
    @Override
    public String name() {
        return "link-failing";
    }

    @Override
    public BackendProbe probe() {
        throw new NoClassDefFoundError("uk/ac/manchester/tornado/api/runtime/TornadoRuntimeProvider");
    }

    @Override
    public KernelBackend open() {
        throw new NoClassDefFoundError("uk/ac/manchester/tornado/api/TaskGraph");
    }
}
