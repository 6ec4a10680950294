package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.servelab.app.TestRuns;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditorViewModelTest {
    private EditorViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new EditorViewModel(new SettingsCatalog(PluginRegistry.load()));
    }

    @Test
    void quickstartRoundTripsThroughTheGraphToTheSameSpec() {
        ObjectNode tree = TestRuns.quickstart();
        vm.load(tree, null);
        assertEquals(8, vm.graph().nodes.size(), "workload, admission, router, pool, scheduler, eviction, executor, sink");
        assertTrue(vm.problems().isEmpty(), () -> "problems: " + vm.problems());
        PipelineSpec a = PipelineLoader.fromTree(tree, "x", null);
        PipelineSpec b = PipelineLoader.fromTree(vm.tree(), "x", null);
        assertEquals(a.workload(), b.workload());
        assertEquals(a.router(), b.router());
        assertEquals(a.pools().getFirst(), b.pools().getFirst());
        assertEquals(a.slo(), b.slo());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void portsAcceptOnlyMatchingFreeConnections() {
        vm.newPipeline();
        GraphNode w = vm.addNode(NodeKind.WORKLOAD, "workload.poisson", 0, 0);
        GraphNode a = vm.addNode(NodeKind.ADMISSION, "admission.accept-all", 250, 0);
        GraphNode r = vm.addNode(NodeKind.ROUTER, "route.round-robin", 500, 0);
        GraphNode s = vm.addNode(NodeKind.SCHEDULER, "batch.continuous", 250, 200);
        assertNotNull(vm.connect(w, "requests", r, "in"), "arrivals do not fit a router input");
        assertNotNull(vm.connect(s, "out", a, "in"), "a scheduler does not feed admission");
        assertNull(vm.connect(w, "requests", a, "in"));
        assertNotNull(vm.connect(w, "requests", a, "in"), "the same wire twice");
        GraphNode w2 = vm.addNode(NodeKind.WORKLOAD, "workload.poisson", 0, 100);
        assertNotNull(vm.connect(w2, "requests", a, "in"), "admission input already taken");
        assertEquals(1, vm.graph().wires.size());
    }

    @Test
    void everyEditUndoesAndRedoes() {
        vm.load(TestRuns.quickstart(), null);
        GraphNode router = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.ROUTER).findFirst().orElseThrow();
        int wires = vm.graph().wires.size();
        vm.selection().setAll(router);
        vm.deleteSelection();
        assertFalse(vm.graph().nodes.contains(router));
        assertEquals(wires - 2, vm.graph().wires.size(), "the router input wire and its wire to the pool");
        assertTrue(vm.hasErrors(), "admission output and pool input are now unconnected");
        assertTrue(vm.dirtyProperty().get());
        vm.undo().undo();
        assertTrue(vm.graph().nodes.contains(router));
        assertEquals(wires, vm.graph().wires.size());
        assertFalse(vm.hasErrors());
        assertFalse(vm.dirtyProperty().get(), "back to the saved state");
        vm.undo().redo();
        assertFalse(vm.graph().nodes.contains(router));
    }

    @Test
    void settingsAreValidatedAndUndoable() {
        vm.load(TestRuns.quickstart(), null);
        GraphNode w = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.WORKLOAD).findFirst().orElseThrow();
        int rate = w.settings.get("rate_per_s").asInt();
        vm.setSetting(w, "rate_per_s", DoubleNode.valueOf(-3));
        assertTrue(vm.problemsOf(w).stream().anyMatch(p -> p.error() && p.message().contains("rate_per_s")), () -> vm.problems().toString());
        vm.undo().undo();
        assertEquals(rate, w.settings.get("rate_per_s").asInt());
        assertTrue(vm.problemsOf(w).isEmpty());
        GraphNode pool = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.POOL).findFirst().orElseThrow();
        vm.setSetting(pool, "kv_cache.block_size", IntNode.valueOf(32));
        assertEquals(32, vm.tree().get("pools").get(0).get("kv_cache").get("block_size").asInt());
        assertEquals("kv.lru", vm.tree().get("pools").get(0).get("kv_cache").get("eviction").asText());
    }

    @Test
    void copyPasteDuplicatesNodesAndTheirInnerWires() {
        vm.load(TestRuns.quickstart(), null);
        GraphNode pool = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.POOL).findFirst().orElseThrow();
        GraphNode sched = vm.graph().source(pool, "scheduler");
        vm.selection().setAll(pool, sched);
        vm.copy();
        vm.paste();
        assertEquals(10, vm.graph().nodes.size());
        GraphNode copy = vm.selection().stream().filter(n -> n.kind == NodeKind.POOL).findFirst().orElseThrow();
        assertNotNull(vm.graph().source(copy, "scheduler"), "inner wire copied");
        assertNull(vm.graph().source(copy, "in"), "outer wires are not");
        vm.undo().undo();
        assertEquals(8, vm.graph().nodes.size());
    }

    @Test
    void movesAreRecordedOnceAtTheEndOfADrag() {
        vm.load(TestRuns.quickstart(), null);
        GraphNode n = vm.graph().nodes.getFirst();
        double x = n.x.get();
        var from = new java.util.IdentityHashMap<GraphNode, double[]>();
        from.put(n, new double[]{x, n.y.get()});
        n.x.set(x + 100);
        vm.moved(from);
        assertEquals(1, vm.undo().depth());
        vm.undo().undo();
        assertEquals(x, n.x.get());
    }

    @Test
    void propertySheetItemsShowValuesAsYamlAndCommitOnlyRealChanges() {
        vm.load(TestRuns.quickstart(), null);
        GraphNode w = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.WORKLOAD).findFirst().orElseThrow();
        var infos = vm.catalog().settings(w);
        SettingItem input = new SettingItem(vm, w, infos.stream().filter(i -> i.name().equals("input")).findFirst().orElseThrow(), "Workload");
        String shown = (String) input.getValue();
        assertTrue(shown.startsWith("{dist: lognormal, mean: 1150"), shown);
        input.setValue(shown);
        assertEquals(0, vm.undo().depth(), "committing the unchanged text is not an edit");
        SettingItem rate = new SettingItem(vm, w, infos.stream().filter(i -> i.name().equals("rate_per_s")).findFirst().orElseThrow(), "Workload");
        assertEquals("rate_per_s", rate.getName(), "the name as the pipeline file writes it");
        assertTrue(rate.getDescription().contains("(req/s)"), "the unit is in the description");
        assertTrue(rate.getDescription().contains("mean arrival rate"));
        rate.setValue("12.5");
        assertEquals(12.5, w.settings.get("rate_per_s").asDouble());
        rate.setValue("");
        assertFalse(w.settings.containsKey("rate_per_s"), "blank resets to the default");
        assertEquals(2, vm.undo().depth());
    }

    @Test
    void savedFilesAreTheSamePipelineTheCliRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        vm.load(TestRuns.quickstart(), null);
        GraphNode pool = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.POOL).findFirst().orElseThrow();
        vm.setSetting(pool, "replicas", IntNode.valueOf(6));
        for (String name : new String[]{"p.yaml", "p.json"}) {
            java.nio.file.Path f = dir.resolve(name);
            dev.servelab.app.gui.PipelineFiles.save(vm.tree(), f);
            PipelineSpec saved = PipelineLoader.load(f, java.util.List.of());
            PipelineSpec shown = PipelineLoader.fromTree(vm.tree(), "quickstart", null);
            assertEquals(6, saved.pools().getFirst().replicas());
            assertEquals(shown.pools(), saved.pools());
            assertEquals(shown.workload(), saved.workload());
            assertEquals(shown.slo(), saved.slo());
        }
        vm.markSaved(dir.resolve("p.yaml"));
        assertFalse(vm.dirtyProperty().get());
    }

    private static final java.nio.file.Path MOONCAKE = java.nio.file.Path.of("../sample-traces/pipelines/mooncake-prefix.yaml");

    private GraphNode first(NodeKind k) {
        return vm.graph().nodes.stream().filter(n -> n.kind == k).findFirst().orElseThrow();
    }

    @Test
    void aTraceNodeHasItsFileAndEveryTransformationAsSettings() {
        vm.load(PipelineLoader.readTree(MOONCAKE), MOONCAKE);
        assertTrue(vm.problems().isEmpty(), () -> "problems: " + vm.problems());
        GraphNode w = first(NodeKind.WORKLOAD);
        assertEquals("trace.mooncake", w.plugin.get());
        var names = vm.catalog().settings(w).stream().map(dev.servelab.engine.plugin.SettingInfo::name).toList();
        assertTrue(names.containsAll(java.util.List.of("file", "window_start_s", "window_end_s", "replay", "rate_scale", "limit")), names.toString());
        var infos = vm.catalog().settings(w);
        SettingItem file = new SettingItem(vm, w, infos.getFirst(), "Workload");
        assertEquals(SettingItem.Editor.TRACE_FILE, file.editor());
        assertEquals("../mooncake-like.jsonl", file.getValue());
        SettingItem replay = new SettingItem(vm, w, infos.stream().filter(i -> i.name().equals("replay")).findFirst().orElseThrow(), "Workload");
        replay.setValue("0");
        assertTrue(vm.problems().stream().anyMatch(p -> p.node() == w && p.message().startsWith("workload: replay must be >= 1")), vm.problems().toString());
        replay.setValue("3");
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        assertEquals(3, PipelineLoader.fromTree(vm.tree(), "x", null).workload().settings().get("replay").asInt());
    }

    @Test
    void swappingAPluginKeepsTheSettingsThatStillApplyAndUndoesInOneStep() {
        vm.load(TestRuns.quickstart(), null);
        GraphNode w = first(NodeKind.WORKLOAD);
        assertTrue(w.settings.containsKey("rate_per_s") && w.settings.containsKey("input"));
        vm.swapPlugin(w, "workload.gamma");
        assertEquals("workload.gamma", w.plugin.get());
        var gamma = vm.catalog().settings(w).stream().map(dev.servelab.engine.plugin.SettingInfo::name).toList();
        for (String k : w.settings.keySet()) assertTrue(gamma.contains(k), k + " is a workload.gamma setting");
        assertTrue(w.settings.containsKey("input"), "input lengths still apply");
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        vm.undo().undo();
        assertEquals("workload.poisson", w.plugin.get());
        assertEquals(TestRuns.quickstart().get("workload").get("rate_per_s"), w.settings.get("rate_per_s"));
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void pickingATraceSniffsItsFormatAndSwapsTheReader() {
        vm.load(PipelineLoader.readTree(MOONCAKE), MOONCAKE);
        GraphNode w = first(NodeKind.WORKLOAD);
        String format = vm.pickTrace(w, MOONCAKE.getParent().resolve("../azure-conv-like.csv"));
        assertTrue(format != null && format.startsWith("trace.azure"), format);
        assertEquals(format, w.plugin.get());
        assertEquals("../azure-conv-like.csv", w.settings.get("file").asText(), "relative to the pipeline's folder");
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        assertEquals(1, vm.undo().depth(), "one edit");
        vm.undo().undo();
        assertEquals("trace.mooncake", w.plugin.get());
        assertEquals("../mooncake-like.jsonl", w.settings.get("file").asText());
    }

    @Test
    void aPoolIsSummedUpWithItsReplicaCount() {
        vm.load(TestRuns.quickstart(), null);
        GraphNode pool = first(NodeKind.POOL);
        assertEquals("4 replicas", PoolLabel.count(pool));
        vm.setSetting(pool, "replicas", IntNode.valueOf(8));
        assertEquals("8 × llama-3.1-8b on h100-sxm", PoolLabel.of(pool));
    }
}
