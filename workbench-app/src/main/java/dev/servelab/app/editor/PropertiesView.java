package dev.servelab.app.editor;

import dev.servelab.engine.pipeline.BuiltinFields;

import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.SettingInfo;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.model.ModelCatalog;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ControlsFX property sheet of the selected node (or of the pipeline when nothing is selected),
 * generated from the settings record: name with unit, summary, range and default in the description.
 * A plugin node's first row is its plugin (a drop-down that swaps it in place); a pool's model and
 * hardware are drop-downs of the catalogs (with {@code file…}); a trace's file has a picker; a length
 * distribution has a structured editor with a histogram. After an edit the rows keep their editors
 * (and the focus) and only show the new values; they are rebuilt when another node or plugin is shown.
 */
public final class PropertiesView extends BorderPane {
    private final PropertySheet sheet = new PropertySheet();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final EditorViewModel vm;
    private final Map<String, PropertyEditor<?>> editors = new LinkedHashMap<>();
    private List<String> modelIds;
    private List<String> hardwareIds;
    private Object shownKey;
    private java.util.function.Consumer<GraphNode> onLeave = n -> { };
    private java.util.function.Consumer<VaryRequest> onVary = r -> { };

    public PropertiesView(EditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("properties-view");
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            PropertyEditor<?> e = editorFor(item, defaults);
            editors.put(key(item), e);
            VaryMenu.install(item, e.getEditor(), vm, r -> onVary.accept(r));
            return e;
        });
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        title.getStyleClass().add("view-headline");
        title.setId("properties-title");
        summary.setWrapText(true);
        summary.setId("properties-summary");
        summary.getStyleClass().add("text-muted");
        VBox head = new VBox(2, title, summary);
        head.setPadding(new Insets(8, 10, 6, 10));
        setTop(head);
        setCenter(sheet);
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && vm.selection().size() == 1) {
                onLeave.accept(vm.selection().getFirst());
                e.consume();
            }
        });
        sheet.skinProperty().addListener(o -> javafx.application.Platform.runLater(this::unclipNames));
        vm.selection().addListener((ListChangeListener<GraphNode>) c -> refresh());
        vm.undo().versionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private PropertyEditor<?> editorFor(PropertySheet.Item item, DefaultPropertyEditorFactory defaults) {
        if (item instanceof PluginItem p) return new ChoiceEditor(item, vm.catalog().ids(p.node().kind), false, null);
        if (!(item instanceof SettingItem s)) return defaults.call(item);
        return switch (s.editor()) {
            case BOOLEAN -> defaults.call(item);
            case PLUGIN, TEXT -> new CommitTextEditor(item);
            case TRACE_FILE -> new TraceFileEditor(s, vm);
            case MODEL -> new ChoiceEditor(item, modelIds(), true, () -> choose("Model config.json", "*.json"));
            case HARDWARE -> new ChoiceEditor(item, hardwareIds(), true, () -> choose("Hardware file", "*.yaml", "*.yml", "*.json"));
            case LENGTH -> new LengthEditor(s);
            case SPECULATIVE_METHOD -> new ChoiceEditor(item, java.util.Arrays.stream(
                    dev.servelab.engine.spi.SpeculativeDecoding.Method.values()).map(m -> m.id()).toList(), false, null);
        };
    }

    private List<String> modelIds() {
        if (modelIds == null) modelIds = List.copyOf(ModelCatalog.standard().ids());
        return modelIds;
    }

    private List<String> hardwareIds() {
        if (hardwareIds == null) hardwareIds = List.copyOf(HardwareCatalog.standard().ids());
        return hardwareIds;
    }

    private String choose(String what, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(what);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        File dir = vm.baseDir().toFile();
        if (dir.isDirectory()) fc.setInitialDirectory(dir);
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : vm.relative(f.toPath());
    }

    /** Shows the selected node (or the pipeline): rebuilds the rows when another node or plugin is shown, else updates their values. */
    public void refresh() {
        GraphNode n = vm.selection().size() == 1 ? vm.selection().getFirst() : null;
        title.setText(n == null ? "Pipeline " + vm.name() : n.title());
        summary.setText(n == null ? pipelineSummary() : describe(n));
        List<SettingInfo> infos = n == null ? BuiltinFields.PIPELINE : vm.catalog().settings(n);
        Object key = List.of(n == null ? "pipeline" : n, n == null ? "" : String.valueOf(n.plugin.get()), infos);
        if (key.equals(shownKey)) {
            for (PropertySheet.Item item : sheet.getItems()) show(item);
            return;
        }
        String focused = focusedRow();
        shownKey = key;
        editors.clear();
        String category = n == null ? "pipeline" : n.kind.title();
        List<PropertySheet.Item> items = new ArrayList<>();
        if (n != null && !n.kind.pluginKinds().isEmpty()) items.add(new PluginItem(vm, n));
        infos.forEach(i -> items.add(new SettingItem(vm, n, i, category)));
        sheet.getItems().setAll(items);
        unclipNames();
        javafx.application.Platform.runLater(this::unclipNames);
        if (focused != null) javafx.application.Platform.runLater(() -> focusRow(focused));
    }

    /** The sheet's name labels keep their full width (the editors give way, down to their minimum). */
    private void unclipNames() {
        for (Node l : sheet.lookupAll(".label")) {
            if (l instanceof Label label && l.getParent() instanceof javafx.scene.layout.GridPane) label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }

    @SuppressWarnings("unchecked")
    private void show(PropertySheet.Item item) {
        PropertyEditor<Object> e = (PropertyEditor<Object>) editors.get(key(item));
        if (e != null && !java.util.Objects.equals(e.getValue(), item.getValue())) e.setValue(item.getValue());
    }

    /** A row's key: {@code plugin}, or the setting's name as the pipeline file writes it ({@code kv_cache.block_size}). */
    private static String key(PropertySheet.Item item) {
        return item instanceof SettingItem s ? s.info().name() : item instanceof PluginItem ? "plugin" : item.getName();
    }

    /** The row whose editor has the keyboard focus, or null. */
    private String focusedRow() {
        Node f = getScene() == null ? null : getScene().getFocusOwner();
        for (var e : editors.entrySet()) {
            for (Node x = f; x != null; x = x.getParent()) if (x == e.getValue().getEditor()) return e.getKey();
        }
        return null;
    }

    /** Puts the keyboard focus on the editor of a row (its setting name, or plugin); false when there is no such row. */
    public boolean focusRow(String row) {
        PropertyEditor<?> e = editors.get(row);
        if (e == null) return false;
        Node ed = e.getEditor();
        if (ed instanceof javafx.scene.layout.Pane p && !p.getChildren().isEmpty()) ed = p.getChildren().getFirst();
        ed.requestFocus();
        return true;
    }

    /** Puts the keyboard focus on the first row's editor (Enter on a canvas node). */
    public boolean focusFirst() {
        return !editors.isEmpty() && focusRow(editors.keySet().iterator().next());
    }

    /** The editor control of a row (its setting name, or plugin), for tests and the keyboard. */
    public Node editor(String row) {
        PropertyEditor<?> e = editors.get(row);
        return e == null ? null : e.getEditor();
    }

    private String pipelineSummary() {
        var d = vm.graph().fields.get("description");
        String text = d == null || d.asText().isBlank() ? "" : d.asText() + "\n";
        return text + "Select a node to edit its settings.";
    }

    private String describe(GraphNode n) {
        String s = vm.catalog().descriptor(n).map(PluginDescriptor::summary).orElse(n.kind.title());
        if (n.kind == NodeKind.POOL) s = "Replica pool: " + PoolLabel.of(n);
        return s + (vm.catalog().settings(n).isEmpty() ? " — no settings" : "");
    }

    /** Called with the shown node when Esc is pressed in the sheet (back to its card on the canvas). */
    public void setOnLeave(java.util.function.Consumer<GraphNode> leave) {
        onLeave = leave;
    }

    /** Called with the row's path and suggested values when "Vary" is picked in a row's context menu (the Experiments tab adds an axis). */
    public void setOnVary(java.util.function.Consumer<VaryRequest> vary) {
        onVary = vary;
    }

    public PropertySheet sheet() {
        return sheet;
    }
}
