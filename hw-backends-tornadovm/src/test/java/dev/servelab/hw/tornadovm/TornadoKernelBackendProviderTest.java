package dev.servelab.hw.tornadovm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.jvm.backend.KernelBackends;
import org.junit.jupiter.api.Test;

/** The provider is found by ServiceLoader and, in a JVM not started under TornadoVM, says so instead of failing. */
class TornadoKernelBackendProviderTest {

    @Test
    void serviceLoaderFindsTheProvider() {
        assertTrue(KernelBackends.provider("tornadovm").isPresent());
    }

    @Test
    void withoutTornadoVmTheProbeExplainsWhy() {
        assumeTrue(System.getProperty(TornadoKernelBackendProvider.RUNTIME_PROPERTY) == null,
                "this JVM runs under TornadoVM; the device tests apply instead");
        BackendProbe probe = KernelBackends.probe("tornadovm");
        assertFalse(probe.available());
        assertTrue(probe.reason().contains("not started under TornadoVM"), probe.reason());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelBackends.open("tornadovm"));
        assertTrue(e.getMessage().contains(TornadoKernelBackendProvider.RUNTIME_PROPERTY), e.getMessage());
    }

    @Test
    void anotherParallelAnnotationIsRefusedBeforeTornadoVmIsTouched() {
        assumeTrue(System.getProperty(TornadoKernelBackendProvider.RUNTIME_PROPERTY) == null,
                "this JVM runs under TornadoVM; its own properties stay as they are");
        System.setProperty(TornadoKernelBackendProvider.RUNTIME_PROPERTY, "stand-in");
        System.setProperty(TornadoKernelBackendProvider.PARALLEL_PROPERTY, "dev.servelab.hw.kernels.Parallel");
        try {
            BackendProbe probe = TornadoKernelBackendProvider.firstProbe();
            assertFalse(probe.available());
            assertTrue(probe.reason().contains("single device thread"), probe.reason());
        } finally {
            System.clearProperty(TornadoKernelBackendProvider.RUNTIME_PROPERTY);
            System.clearProperty(TornadoKernelBackendProvider.PARALLEL_PROPERTY);
        }
    }
}
