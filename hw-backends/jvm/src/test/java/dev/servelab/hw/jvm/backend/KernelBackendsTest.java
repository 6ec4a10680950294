package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.backend.KernelBackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Backend lookup in a JVM without TornadoVM: the JVM backend is always there, a missing or broken
 * optional backend is reported in words and never breaks the lookup (the test class path registers
 * one provider that cannot be instantiated and one whose probe fails to link).
 */
class KernelBackendsTest {

    @Test
    void jvmBackendIsAlwaysAvailable() {
        BackendProbe probe = KernelBackends.probe("jvm");
        assertTrue(probe.available());
        try (KernelBackend backend = KernelBackends.open("jvm")) {
            assertEquals("jvm", backend.name());
        }
    }

    @Test
    void missingBackendIsUnavailableWithAReason() {
        BackendProbe probe = KernelBackends.probe("tornadovm");
        assertFalse(probe.available());
        assertTrue(probe.reason().contains("no 'tornadovm' kernel backend on the class path"), probe.reason());
        assertTrue(probe.reason().contains("UnloadableKernelBackendProvider"), probe.reason());
        assertTrue(KernelBackends.provider("tornadovm").isEmpty());
    }

    @Test
    void probeThatFailsToLinkIsUnavailableNotAnError() {
        assertTrue(KernelBackends.provider("link-failing").isPresent());
        BackendProbe probe = KernelBackends.probe("link-failing");
        assertFalse(probe.available());
        assertTrue(probe.reason().contains("NoClassDefFoundError"), probe.reason());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelBackends.open("link-failing"));
        assertTrue(e.getMessage().startsWith("link-failing: "), e.getMessage());
    }

    @Test
    void preferredFallsBackToTheJvm() {
        try (KernelBackend backend = KernelBackends.preferred()) {
            assertEquals("jvm", backend.name());
        }
    }
}
