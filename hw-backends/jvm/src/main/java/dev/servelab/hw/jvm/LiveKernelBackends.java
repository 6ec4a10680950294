package dev.servelab.hw.jvm;

import dev.servelab.engine.ServeLabException;
import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.backend.KernelBackends;
import java.nio.file.Path;

/**
 * The kernel backend a live command or executor asked for by name ({@code jvm}, {@code tornadovm}),
 * or one clear error saying how to get it: TornadoVM is an optional build profile and runs only in
 * a JVM started under TornadoVM ({@code docs/tornadovm.md}).
 */
final class LiveKernelBackends {
    static final String TORNADOVM = "tornadovm";

    private LiveKernelBackends() {
    }

    /** Opens {@code backend}; {@code label} ({@code exec.tornadovm}, {@code --backend tornadovm}) starts the error. */
    static KernelBackend open(String label, String backend) {
        return open(label, backend, null);
    }

    /** As {@link #open(String, String)}; the JVM backend is chosen for {@code modelFile} ({@link JvmKernelBackend#forModel}). */
    static KernelBackend open(String label, String backend, Path modelFile) {
        if (KernelBackends.JVM.equals(backend)) {
            return JvmKernelBackend.forModel(modelFile);
        }
        BackendProbe probe = KernelBackends.probe(backend);
        if (!probe.available()) {
            throw new ServeLabException(unavailableMessage(label, backend) + ": " + probe.reason());
        }
        try {
            return KernelBackends.open(backend);
        } catch (IllegalStateException e) {
            throw new ServeLabException(unavailableMessage(label, backend) + ": " + e.getMessage(), e);
        }
    }

    static String unavailableMessage(String label, String backend) {
        if (TORNADOVM.equals(backend)) {
            return label + ": TornadoVM is not available in this JVM (start ServeLab with TORNADOVM_HOME set;"
                    + " see docs/tornadovm.md)";
        }
        return label + ": the kernel backend '" + backend + "' is not available in this JVM";
    }
}
