package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.LiveJvmExecutor;
import dev.servelab.testkit.ServiceRegistrations;
import org.junit.jupiter.api.Test;

/** Every {@code @Plugin} class of this module is listed in its {@code META-INF/services}, so ServiceLoader finds it. */
class PluginRegistrationTest {
    @Test
    void everyPluginClassIsRegistered() {
        ServiceRegistrations.ofModuleOf(LiveJvmExecutor.class).assertComplete();
    }
}
