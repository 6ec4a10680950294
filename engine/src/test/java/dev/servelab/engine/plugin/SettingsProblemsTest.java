package dev.servelab.engine.plugin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.PluginContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The non-throwing side of the binder (what the workbench's editor shows): every problem of a node,
 * each naming node.field, the first being exactly what creating the plugin fails with.
 */
class SettingsProblemsTest {
    private final PluginRegistry registry = PluginRegistry.load();
    private final ObjectMapper json = new ObjectMapper();
    private static final String STICKY = "route.third-party-sticky";

    @Test
    void listsEveryUnknownKeyAndTheFirstIsWhatARunFailsWith() throws Exception {
        var given = json.readTree("{\"colour\": 1, \"label\": \"y\", \"size\": 2}");
        List<SettingProblem> problems = registry.problems(PluginKind.ROUTER, STICKY, given, "router");
        assertEquals(List.of("router.colour", "router.size"), problems.stream().map(SettingProblem::path).toList());
        assertEquals("unknown setting of route.third-party-sticky (known: preferred_replica, label)", problems.get(1).reason());
        ServeLabException e = assertThrows(ServeLabException.class,
                () -> registry.create(PluginKind.ROUTER, STICKY, given, new PluginContext(1, "router", -1)));
        assertEquals(problems.getFirst().message(), e.getMessage());
    }

    @Test
    void outOfRangeAndWrongTypeAreWordedAsTheBinderWordsThem() throws Exception {
        List<SettingProblem> range = registry.problems(PluginKind.ROUTER, STICKY, json.readTree("{\"preferred_replica\": -2}"), "pools[1].router");
        assertEquals(List.of(new SettingProblem("pools[1].router.preferred_replica", "-2 is out of range [0, inf] replica")), range);
        List<SettingProblem> type = registry.problems(PluginKind.ROUTER, STICKY, json.readTree("{\"preferred_replica\": \"two\"}"), "router");
        assertEquals(1, type.size());
        assertEquals("router.preferred_replica", type.getFirst().path(), "names the field inside the node");
        assertTrue(type.getFirst().reason().startsWith("invalid settings for route.third-party-sticky: "), type.getFirst().reason());
    }

    @Test
    void anUnknownIdOrAValidNode() throws Exception {
        List<SettingProblem> unknown = registry.problems(PluginKind.ROUTER, "route.nope", null, "router");
        assertEquals("router.type", unknown.getFirst().path());
        assertTrue(unknown.getFirst().message().startsWith("router.type: unknown Router id 'route.nope' (known: "), unknown.toString());
        assertTrue(unknown.getFirst().reason().contains(STICKY));
        assertEquals(List.of(), registry.problems(PluginKind.ROUTER, STICKY, json.readTree("{\"preferred_replica\": 3}"), "router"));
        assertEquals(List.of(), registry.problems(PluginKind.ROUTER, STICKY, null, "router"));
    }

    @Test
    void aMessageFromElsewhereSplitsAtItsPath() {
        assertEquals(new SettingProblem("workload.replay", "expected a number, found \"x\""),
                SettingProblem.fromMessage("workload.replay: expected a number, found \"x\"", "workload"));
        assertEquals(new SettingProblem("workload", "replay must be >= 1"), SettingProblem.fromMessage("replay must be >= 1", "workload"));
    }
}
