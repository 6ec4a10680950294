package dev.servelab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.servelab.app.TestRuns;
import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import dev.servelab.app.editor.Problem;
import dev.servelab.app.editor.SettingsCatalog;
import dev.servelab.engine.plugin.PluginRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor validates with the engine's binder: one invalid setting made in the editor shows in its
 * Problems, on the node, with exactly the message {@code servelab run} prints for the pipeline the
 * editor writes (exit 2).
 */
class EditorProblemsMatchCliTest {
    @TempDir
    Path dir;
    private EditorViewModel vm;

    @BeforeEach
    void quickstartInTheEditor() {
        vm = new EditorViewModel(new SettingsCatalog(PluginRegistry.load()));
        vm.load(TestRuns.quickstart(), null);
        assertTrue(vm.problems().isEmpty(), () -> vm.problems().toString());
    }

    private GraphNode node(NodeKind kind) {
        return vm.graph().nodes.stream().filter(n -> n.kind == kind).findFirst().orElseThrow();
    }

    /** The editor's only problem, which must be on {@code node}, and the CLI's error line for the same pipeline. */
    private void assertSameMessage(GraphNode node, String expected) throws IOException {
        assertSameMessage(node, expected, false);
    }

    /** As above; {@code loader}: a message of the pipeline loader, which the CLI prefixes with the file it read. */
    private void assertSameMessage(GraphNode node, String expected, boolean loader) throws IOException {
        List<Problem> errors = vm.problems().stream().filter(Problem::error).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertSame(node, errors.getFirst().node(), "the problem is shown on the node");
        String message = errors.getFirst().message();
        assertTrue(message.startsWith(expected), message);

        Path pipeline = Files.writeString(dir.resolve("edited.yaml"), new ObjectMapper().writeValueAsString(vm.tree()));
        CliRunner.Result r = CliRunner.run("run", pipeline.toString(), "--db", dir.resolve("runs.db").toString(), "--json");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of("error: " + (loader ? pipeline + ": " : "") + message), r.err().lines().toList());
    }

    @Test
    void aSettingOutOfRange() throws IOException {
        GraphNode w = node(NodeKind.WORKLOAD);
        vm.setSetting(w, "rate_per_s", DoubleNode.valueOf(-3));
        assertSameMessage(w, "workload.rate_per_s: -3 is out of range [");
    }

    @Test
    void anUnknownSetting() throws IOException {
        GraphNode w = node(NodeKind.WORKLOAD);
        vm.setSetting(w, "no_such_knob", IntNode.valueOf(1));
        assertSameMessage(w, "workload.no_such_knob: unknown setting of workload.poisson (known: ");
    }

    @Test
    void aSettingForAPoolsSchedulerThatTakesNone() throws IOException {
        GraphNode s = node(NodeKind.SCHEDULER);
        vm.setSetting(s, "no_such_knob", IntNode.valueOf(1));
        assertSameMessage(s, "pools[0].scheduler: batch.continuous takes no settings (given: no_such_knob)");
    }

    @Test
    void aValueOfTheWrongType() throws IOException {
        GraphNode w = node(NodeKind.WORKLOAD);
        JsonNode text = new ObjectMapper().getNodeFactory().textNode("lots");
        vm.setSetting(w, "requests", text);
        assertSameMessage(w, "workload.requests: invalid settings for workload.poisson: ");
    }

    @Test
    void anUnknownPluginId() throws IOException {
        GraphNode router = node(NodeKind.ROUTER);
        router.plugin.set("route.does-not-exist");
        vm.validate();
        assertSameMessage(router, "router.type: unknown Router id 'route.does-not-exist' (known: ");
    }

    @Test
    void aPoolFieldOutOfRange() throws IOException {
        GraphNode pool = node(NodeKind.POOL);
        vm.setSetting(pool, "max_num_seqs", IntNode.valueOf(0));
        assertSameMessage(pool, "pools[0].max_num_seqs: 0 is out of range [", true);
    }

    @Test
    void anUnknownHardwareIdBeforeRun() throws IOException {
        GraphNode pool = node(NodeKind.POOL);
        vm.setSetting(pool, "hardware", new ObjectMapper().getNodeFactory().textNode("h999"));
        assertSameMessage(pool, "pools[0].hardware: unknown hardware 'h999'; known: ");
        assertTrue(vm.problems().getFirst().message().endsWith("(executor exec.roofline)"), vm.problems().toString());
    }

    @Test
    void anUnknownModelIdBeforeRun() throws IOException {
        GraphNode pool = node(NodeKind.POOL);
        vm.setSetting(pool, "model", new ObjectMapper().getNodeFactory().textNode("llama-9"));
        assertSameMessage(pool, "pools[0].model: unknown model 'llama-9'; known: ");
    }

    @Test
    void aTraceFileThatDoesNotExist() throws IOException {
        GraphNode w = node(NodeKind.WORKLOAD);
        Path missing = dir.resolve("nope.jsonl").toAbsolutePath();
        vm.swapPlugin(w, "trace.mooncake", java.util.Map.of("file", new ObjectMapper().getNodeFactory().textNode(missing.toString())));
        assertSameMessage(w, "workload.file: " + missing + ": trace file not found or not readable");
    }

    @Test
    void aTraceWithoutAFile() throws IOException {
        GraphNode w = node(NodeKind.WORKLOAD);
        vm.swapPlugin(w, "trace.mooncake");
        assertSameMessage(w, "workload.file: a trace workload needs a file");
    }

    @Test
    void aMissingAdmissionOrRouterIsNamed() {
        vm.selection().setAll(node(NodeKind.ADMISSION));
        vm.deleteSelection();
        assertTrue(vm.problems().stream().anyMatch(p -> p.error() && p.message().startsWith("add an admission node")), vm.problems().toString());
        vm.selection().setAll(node(NodeKind.ROUTER));
        vm.deleteSelection();
        assertTrue(vm.problems().stream().anyMatch(p -> p.error() && p.message().startsWith("add a router node")), vm.problems().toString());
    }
}
