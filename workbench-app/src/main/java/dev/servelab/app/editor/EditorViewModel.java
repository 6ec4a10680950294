package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The pipeline editor's state and every edit as an undoable command: add, move, connect, disconnect,
 * delete, paste, change a setting. Problems are recomputed after each edit.
 */
public final class EditorViewModel {
    private final PipelineGraph graph = new PipelineGraph();
    private final UndoStack undo = new UndoStack();
    private final SettingsCatalog catalog;
    private final ObservableList<GraphNode> selection = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final StringProperty liveExecutor = new SimpleStringProperty();
    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper();
    private final List<GraphNode> clipboard = new ArrayList<>();
    private final List<Wire> clipboardWires = new ArrayList<>();
    private final RecentTraces recentTraces;
    /** Each pool's executor attach outcome as the engine's check found it (a model and hardware lookup), reused across edits. */
    private final Map<dev.servelab.engine.run.PipelineCheck.AttachKey, List<dev.servelab.engine.plugin.SettingProblem>> attached = new java.util.HashMap<>();
    private Edit savedTop;
    private boolean measuringThisCpu;
    private boolean thisCpuTried;
    private Executor slowChecks;
    private Executor ui;

    public EditorViewModel(SettingsCatalog catalog) {
        this(catalog, RecentTraces.standard());
    }

    /** An editor whose trace picker remembers files in {@code recentTraces}. */
    public EditorViewModel(SettingsCatalog catalog, RecentTraces recentTraces) {
        this.catalog = catalog;
        this.recentTraces = recentTraces;
        undo.versionProperty().addListener((o, a, b) -> {
            dirty.set(undo.top() != savedTop);
            validate();
        });
        liveExecutor.addListener(o -> validate());
    }

    /** The pipeline being edited: nodes, wires and top-level fields (change it through the edit commands). */
    public PipelineGraph graph() {
        return graph;
    }

    /** The edits done and undone; its commands undo and redo. */
    public UndoStack undo() {
        return undo;
    }

    /** The plugins and settings the palette and property sheet offer. */
    public SettingsCatalog catalog() {
        return catalog;
    }

    /** The selected nodes (the user's input: the canvas and the problems list select). */
    public ObservableList<GraphNode> selection() {
        return selection;
    }

    /** The problems of the pipeline, recomputed after each edit (read-only). */
    public ObservableList<Problem> problems() {
        return problemsView;
    }

    /** The file the pipeline was loaded from or saved to, or null. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** True when there are edits since the last load or save. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** The live executor the pipeline will run on ({@code exec.jvm}, …), or null for simulation: pools must then be live (an input). */
    public StringProperty liveExecutorProperty() {
        return liveExecutor;
    }

    /** Incremented whenever a whole pipeline is loaded or started anew (the canvas re-fits). */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public void load(ObjectNode tree, Path from) {
        selection.clear();
        GraphCodec.read(tree, graph);
        file.set(from);
        undo.clear();
        markSaved(from);
        loads.set(loads.get() + 1);
    }

    /** An empty canvas for a new pipeline, to be built from the palette. */
    public void newPipeline() {
        selection.clear();
        graph.wires.clear();
        graph.nodes.clear();
        graph.fields.clear();
        graph.fields.put("name", com.fasterxml.jackson.databind.node.TextNode.valueOf("untitled"));
        undo.clear();
        markSaved(null);
        loads.set(loads.get() + 1);
    }

    public void markSaved(Path to) {
        file.set(to);
        savedTop = undo.top();
        dirty.set(false);
        validate();
    }

    public ObjectNode tree() {
        return GraphCodec.write(graph);
    }

    public String name() {
        JsonNode n = graph.fields.get("name");
        if (n != null) return n.asText();
        return file.get() == null ? "untitled" : file.get().getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    }

    public void validate() {
        if (attached.size() > 256) attached.clear();
        GraphNode unmeasured = poolOnUnmeasuredThisCpu();
        if (unmeasured != null) {
            measureThisCpuInBackground();
            problems.setAll(List.of(new Problem(unmeasured, "Measuring this machine's CPU for hardware '"
                    + HardwareCatalog.THIS_CPU + "' (about a second); the check follows", false)));
            return;
        }
        problems.setAll(Validator.check(graph, catalog, liveExecutor.get(), baseDir(), attached));
    }

    /**
     * Runs the check's slow parts (today: measuring {@code this-cpu}, a ~1 s CPU micro-benchmark) on {@code
     * background} and re-checks on {@code ui}, instead of inside {@link #validate()} on the caller's thread. The
     * workbench passes a background thread and {@code Platform::runLater}; without them (tests, tools) the
     * check stays synchronous.
     */
    public void runSlowChecksOn(Executor background, Executor ui) {
        this.slowChecks = background;
        this.ui = ui;
    }

    /** A pool on {@code this-cpu} before this JVM measured it, when slow checks run in the background; else null. */
    private GraphNode poolOnUnmeasuredThisCpu() {
        if (slowChecks == null || thisCpuTried || HardwareCatalog.thisCpuMeasured()) return null;
        for (GraphNode n : graph.nodes) {
            JsonNode h = n.kind == NodeKind.POOL ? n.settings.get("hardware") : null;
            if (h != null && HardwareCatalog.THIS_CPU.equals(h.asText())) return n;
        }
        return null;
    }

    /** Measures {@code this-cpu} in the background, then checks the pipeline again on the UI thread. */
    private void measureThisCpuInBackground() {
        if (measuringThisCpu) return;
        measuringThisCpu = true;
        slowChecks.execute(() -> {
            try {
                HardwareCatalog.thisCpu();
            } finally {
                ui.execute(() -> {
                    measuringThisCpu = false;
                    thisCpuTried = true;
                    validate();
                });
            }
        });
    }

    /** The folder relative paths of the pipeline resolve against: the file's, or the working directory (as Run resolves them). */
    public Path baseDir() {
        Path f = file.get();
        return f == null || f.toAbsolutePath().getParent() == null ? Path.of("").toAbsolutePath() : f.toAbsolutePath().getParent();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::error);
    }

    public List<Problem> problemsOf(GraphNode n) {
        return problems.stream().filter(p -> p.node() == n).toList();
    }

    public GraphNode addNode(NodeKind kind, String plugin, double x, double y) {
        GraphNode n = new GraphNode(kind, plugin, x, y);
        if (kind == NodeKind.POOL) n.settings.put("name", com.fasterxml.jackson.databind.node.TextNode.valueOf("pool-" + count(kind)));
        undo.perform(Edit.of("add " + n.title(), () -> graph.nodes.add(n), () -> {
            selection.remove(n);
            graph.nodes.remove(n);
        }));
        return n;
    }

    private long count(NodeKind k) {
        return graph.nodes.stream().filter(n -> n.kind == k).count();
    }

    /** Records a finished drag: nodes were moved live from the given start positions. */
    public void moved(Map<GraphNode, double[]> from) {
        Map<GraphNode, double[]> to = new IdentityHashMap<>();
        from.forEach((n, p) -> to.put(n, new double[]{n.x.get(), n.y.get()}));
        if (from.entrySet().stream().allMatch(e -> e.getValue()[0] == e.getKey().x.get() && e.getValue()[1] == e.getKey().y.get())) return;
        undo.perform(Edit.of("move", () -> place(to), () -> place(from)));
    }

    private static void place(Map<GraphNode, double[]> pos) {
        pos.forEach((n, p) -> {
            n.x.set(p[0]);
            n.y.set(p[1]);
        });
    }

    /** Connects two ports; returns why not when the connection is invalid. */
    public String connect(GraphNode from, String out, GraphNode to, String in) {
        String why = graph.whyNot(from, out, to, in);
        if (why != null) return why;
        Wire w = new Wire(from, out, to, in);
        undo.perform(Edit.of("connect", () -> graph.wires.add(w), () -> graph.wires.remove(w)));
        return null;
    }

    public void disconnect(Wire w) {
        undo.perform(Edit.of("disconnect", () -> graph.wires.remove(w), () -> graph.wires.add(w)));
    }

    public void deleteSelection() {
        List<GraphNode> nodes = List.copyOf(selection);
        if (nodes.isEmpty()) return;
        List<Wire> wires = graph.wires.stream().filter(w -> nodes.contains(w.from()) || nodes.contains(w.to())).toList();
        undo.perform(Edit.of("delete", () -> {
            selection.removeAll(nodes);
            graph.wires.removeAll(wires);
            graph.nodes.removeAll(nodes);
        }, () -> {
            graph.nodes.addAll(nodes);
            graph.wires.addAll(wires);
        }));
    }

    public void copy() {
        clipboard.clear();
        clipboardWires.clear();
        clipboard.addAll(selection);
        graph.wires.stream().filter(w -> selection.contains(w.from()) && selection.contains(w.to())).forEach(clipboardWires::add);
    }

    public void paste() {
        if (clipboard.isEmpty()) return;
        Map<GraphNode, GraphNode> copies = new IdentityHashMap<>();
        for (GraphNode n : clipboard) copies.put(n, n.copy(40, 40));
        List<GraphNode> nodes = List.copyOf(copies.values());
        List<Wire> wires = clipboardWires.stream()
                .map(w -> new Wire(copies.get(w.from()), w.fromPort(), copies.get(w.to()), w.toPort())).toList();
        undo.perform(Edit.of("paste", () -> {
            graph.nodes.addAll(nodes);
            graph.wires.addAll(wires);
        }, () -> {
            selection.removeAll(nodes);
            graph.wires.removeAll(wires);
            graph.nodes.removeAll(nodes);
        }));
        selection.setAll(nodes);
    }

    /** Sets (or with null, removes) a setting of a node, or of the pipeline when {@code node} is null. */
    public void setSetting(GraphNode node, String key, JsonNode value) {
        ObservableMap<String, JsonNode> map = node == null ? graph.fields : node.settings;
        JsonNode old = map.get(key);
        if (old == null ? value == null : old.equals(value)) return;
        undo.perform(Edit.of("set " + key, () -> put(map, key, value), () -> put(map, key, old)));
    }

    /**
     * Replaces a node's plugin in place (same wires and position), keeping the explicit settings the new
     * plugin also has; one undoable edit. {@code changes} are then applied on top (null value = remove).
     */
    public void swapPlugin(GraphNode node, String id, Map<String, JsonNode> changes) {
        if (node.kind.pluginKinds().isEmpty() || id == null) return;
        String oldId = node.plugin.get();
        Map<String, JsonNode> before = new java.util.LinkedHashMap<>(node.settings);
        java.util.Set<String> keep = new java.util.HashSet<>();
        catalog.settings(node.kind, id).forEach(i -> keep.add(i.name()));
        Map<String, JsonNode> after = new java.util.LinkedHashMap<>();
        before.forEach((k, v) -> {
            if (keep.contains(k)) after.put(k, v);
        });
        changes.forEach((k, v) -> {
            if (v == null) after.remove(k); else after.put(k, v);
        });
        if (id.equals(oldId) && after.equals(before)) return;
        undo.perform(Edit.of(id.equals(oldId) ? "set " + String.join(", ", changes.keySet()) : "swap " + oldId + " for " + id, () -> {
            node.plugin.set(id);
            node.settings.clear();
            node.settings.putAll(after);
        }, () -> {
            node.plugin.set(oldId);
            node.settings.clear();
            node.settings.putAll(before);
        }));
    }

    /** As {@link #swapPlugin(GraphNode, String, Map)} with no further changes. */
    public void swapPlugin(GraphNode node, String id) {
        swapPlugin(node, id, Map.of());
    }

    /** The trace files offered by a trace node's file picker: recently picked ones first, then those beside the pipeline. */
    public List<Path> traceChoices() {
        return recentTraces.choices(baseDir());
    }

    /**
     * A trace file picked for a trace node: stored relative to the pipeline's folder when it lies under it,
     * its format sniffed from its first line, and, when that is another reader, the node swapped to it in
     * the same undoable edit (settings that still apply are kept). Returns the sniffed format, or null
     * when it cannot be told (the node keeps its reader; Run would say why).
     */
    public String pickTrace(GraphNode node, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String format = null;
        try {
            if (java.nio.file.Files.isRegularFile(abs)) format = dev.servelab.engine.workload.TraceSniffer.sniff(catalog.registry(), abs);
        } catch (dev.servelab.engine.ServeLabException e) {
            format = null;
        }
        if (java.nio.file.Files.isRegularFile(abs)) tracePicked(abs);
        String id = format != null ? format : node.plugin.get();
        swapPlugin(node, id, Map.of("file", com.fasterxml.jackson.databind.node.TextNode.valueOf(relative(abs))));
        return format;
    }

    /** A path as a pipeline stores it: relative to the pipeline's folder when under it, else absolute. */
    public String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize(), base = baseDir().toAbsolutePath().normalize();
        Path rel = abs.startsWith(base.getParent() == null ? base : base.getParent()) ? base.relativize(abs) : abs;
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }

    /** Remembers a picked trace file for the picker's list. */
    public void tracePicked(Path file) {
        recentTraces.add(file);
    }

    private static void put(ObservableMap<String, JsonNode> map, String key, JsonNode v) {
        if (v == null) map.remove(key);
        else map.put(key, v);
    }
}
