package dev.servelab.app.editor;

import dev.servelab.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class PaletteFromRegistryTest {
    @Test
    void aThirdPartyPluginOnTheClassPathAppearsInThePaletteWithItsSettings() {
        SettingsCatalog catalog = new SettingsCatalog(PluginRegistry.load());
        List<String> workloads = catalog.palette(NodeKind.WORKLOAD).stream().map(d -> d.id()).toList();
        assertTrue(workloads.containsAll(List.of("workload.poisson", "workload.shared-prefix", "trace.azure-2023")), workloads.toString());
        GraphNode n = new GraphNode(NodeKind.WORKLOAD, "workload.shared-prefix", 0, 0);
        assertTrue(catalog.settings(n).stream().anyMatch(s -> s.name().equals("prefix_tokens") && s.unit().equals("tokens")));
    }
}
