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
    void preferredSaysWhyItFellBackToTheJvm() {
        KernelBackends.BackendChoice c = KernelBackends.preferred();
        try (KernelBackend backend = c.backend()) {
            assertEquals("jvm", backend.name());
        }
        assertEquals("open-failing", c.requested());
        assertTrue(c.fellBack());
        assertTrue(c.reason().startsWith("open-failing: cannot open the backend: "), c.reason());
        assertTrue(c.reason().contains("CL_OUT_OF_RESOURCES"), c.reason());
    }

    @Test
    void aNamedBackendThatIsMissingFallsBackWithTheProbesReason() {
        KernelBackends.BackendChoice c = KernelBackends.prefer("tornadovm", JvmKernelBackend::reference);
        assertEquals("jvm", c.used());
        assertEquals("tornadovm", c.requested());
        assertTrue(c.reason().startsWith("no 'tornadovm' kernel backend on the class path"), c.reason());
        KernelBackends.BackendChoice open = KernelBackends.prefer("open-failing", JvmKernelBackend::reference);
        assertEquals("jvm", open.used());
        assertTrue(open.reason().contains("CL_OUT_OF_RESOURCES"), open.reason());
        KernelBackends.BackendChoice jvm = KernelBackends.prefer("jvm", JvmKernelBackend::reference);
        assertTrue(!jvm.fellBack() && jvm.reason().isEmpty(), jvm.toString());
    }
}
