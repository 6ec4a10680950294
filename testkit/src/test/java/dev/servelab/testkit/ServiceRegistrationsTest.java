package dev.servelab.testkit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceRegistrationsTest {
    @Test
    void aPluginLeftOutOfMetaInfServicesIsFound() {
        ServiceRegistrations testClasses = ServiceRegistrations.ofModuleOf(UnregisteredTestRouter.class);
        assertEquals(List.of("dev.servelab.testkit.UnregisteredTestRouter is a @Plugin Router but not listed in "
                + "META-INF/services/dev.servelab.engine.spi.Router"), testClasses.missing());
        AssertionError e = assertThrows(AssertionError.class, testClasses::assertComplete);
        assertTrue(e.getMessage().startsWith("1 plugin(s) not registered:"), e.getMessage());
    }

    @Test
    void theKitsOwnPluginsAreAllRegistered() {
        ServiceRegistrations.ofModuleOf(LinearTimeExecutor.class).assertComplete();
    }
}
