package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.backend.KernelBackendProvider;

/**
 * A provider whose class cannot be instantiated, as when an optional backend's jar is on the class
 * path but its library is not: {@link java.util.ServiceLoader} reports a
 * {@link java.util.ServiceConfigurationError} that {@link KernelBackends} must survive.
 */
public final class UnloadableKernelBackendProvider implements KernelBackendProvider {
    public UnloadableKernelBackendProvider() {
        throw new NoClassDefFoundError("uk/ac/manchester/tornado/api/TaskGraph");
    }

    @Override
    public String name() {
        return "unloadable";
    }

    @Override
    public BackendProbe probe() {
        return BackendProbe.ready("never");
    }

    @Override
    public KernelBackend open() {
        throw new AssertionError("never instantiated");
    }
}
