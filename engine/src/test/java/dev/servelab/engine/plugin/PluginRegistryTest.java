package dev.servelab.engine.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.Router;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry finds {@link ThirdPartyRouter} through this module's test
 * {@code META-INF/services} exactly as it would find a third party's jar.
 */
class PluginRegistryTest {
    private final PluginRegistry registry = PluginRegistry.load();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void discoversAServiceLoadedPluginAndDescribesItsSettings() {
        PluginDescriptor d = registry.require(PluginKind.ROUTER, "route.third-party-sticky", "router");
        assertEquals("Always the same replica (test plugin)", d.summary());
        assertEquals(2, d.settings().size());
        SettingInfo s = d.settings().getFirst();
        assertEquals("preferred_replica", s.name());
        assertEquals(0, s.defaultValue());
        assertEquals(0.0, s.min());
        assertEquals("replica", s.unit());
    }

    @Test
    void createsWithDefaultsOrBoundSettings() throws Exception {
        ThirdPartyRouter defaults = registry.create(PluginKind.ROUTER, "route.third-party-sticky", null, ctx());
        assertEquals(new ThirdPartyRouter.Settings(0, "x"), defaults.settings());
        ObjectNode given = (ObjectNode) json.readTree("{\"preferred_replica\": 3}");
        ThirdPartyRouter bound = registry.create(PluginKind.ROUTER, "route.third-party-sticky", given, ctx());
        assertEquals(new ThirdPartyRouter.Settings(3, "x"), bound.settings());
        Router asSpi = bound;
        assertEquals(3, asSpi.route(null, null));
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        ServeLabException e = assertThrows(ServeLabException.class,
                () -> registry.create(PluginKind.ROUTER, "route.nope", null, ctx()));
        assertTrue(e.getMessage().startsWith("router.type: unknown Router id 'route.nope' (known: "), e.getMessage());
        assertTrue(e.getMessage().contains("route.third-party-sticky"), e.getMessage());
    }

    @Test
    void unknownSettingAndOutOfRangeValueNameNodeAndField() throws Exception {
        ServeLabException unknown = assertThrows(ServeLabException.class, () -> registry.create(PluginKind.ROUTER,
                "route.third-party-sticky", json.readTree("{\"colour\": 1}"), ctx()));
        assertEquals("router.colour: unknown setting of route.third-party-sticky (known: preferred_replica, label)",
                unknown.getMessage());
        ServeLabException range = assertThrows(ServeLabException.class, () -> registry.create(PluginKind.ROUTER,
                "route.third-party-sticky", json.readTree("{\"preferred_replica\": -2}"), ctx()));
        assertEquals("router.preferred_replica: -2 is out of range [0, inf] replica", range.getMessage());
    }

    private static PluginContext ctx() {
        return new PluginContext(1, "router", -1);
    }
}
