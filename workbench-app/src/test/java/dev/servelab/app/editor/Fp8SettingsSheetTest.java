package dev.servelab.app.editor;

import dev.servelab.app.TestRuns;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingInfo;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executor node's property sheet offers the weight and KV dtypes, and an edit there reaches the pipeline. */
class Fp8SettingsSheetTest {
    @Test
    void weightAndKvDtypesAreExecutorSettingsInTheSheet() {
        EditorViewModel vm = new EditorViewModel(new SettingsCatalog(PluginRegistry.load()));
        vm.load(TestRuns.quickstart(), null);
        GraphNode exec = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.EXECUTOR).findFirst().orElseThrow();
        for (String id : new String[] {"exec.roofline", "exec.operators"}) {
            var names = vm.catalog().settings(NodeKind.EXECUTOR, id).stream().map(SettingInfo::name).toList();
            assertTrue(names.contains("weight_dtype") && names.contains("kv_dtype"), id + ": " + names);
        }
        SettingInfo kv = vm.catalog().settings(exec).stream().filter(i -> i.name().equals("kv_dtype")).findFirst().orElseThrow();
        assertEquals("bf16", kv.defaultValue());
        SettingItem item = new SettingItem(vm, exec, kv, "Executor");
        assertTrue(item.getDescription().contains("fp8"), item.getDescription());
        item.setValue("fp8");
        assertEquals("fp8", PipelineLoader.fromTree(vm.tree(), "q", null).pools().getFirst().executor().settings().get("kv_dtype").asText());
    }
}
