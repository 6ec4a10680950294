package dev.servelab.hw.backend;

/**
 * A kernel backend that may or may not be usable in this JVM, found by
 * {@link java.util.ServiceLoader} (register the implementation in
 * {@code META-INF/services/dev.servelab.hw.backend.KernelBackendProvider}). The implementing class
 * must load without the backend's libraries: it touches them only in {@link #probe()} and
 * {@link #open()}, so a missing library is a probe that says so, not a crash.
 */
public interface KernelBackendProvider {

    /** The backend's name, as in {@code --backend NAME}: {@code tornadovm}. */
    String name();

    /** Checks that the runtime is loaded and a device answers; never throws. */
    BackendProbe probe();

    /** Opens the backend; call only after an available {@link #probe()}. */
    KernelBackend open();
}
