package dev.servelab.hw.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.servelab.engine.plugin.LiveExecutors;
import dev.servelab.engine.plugin.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live backends are found among the executor plugins on the class path (this module's live
 * executors beside the performance model's simulated ones), not listed by the engine.
 */
class LiveBackendDiscoveryTest {
    @Test
    void liveExecutorsAreTheOnesThatSayTheyAreLive() {
        PluginRegistry registry = PluginRegistry.load();
        assertEquals(List.of("exec.jvm", "exec.tornadovm"), LiveExecutors.ids(registry));
        assertEquals(List.of("jvm", "tornadovm"), LiveExecutors.backends(registry));
        assertFalse(registry.ofKind(dev.servelab.engine.plugin.PluginKind.EXECUTOR).stream()
                .noneMatch(d -> d.id().equals("exec.roofline")), "simulated executors are registered too");
    }
}
