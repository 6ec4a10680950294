package dev.servelab.app.editor;

import dev.servelab.engine.plugin.PluginDescriptor;
import dev.servelab.engine.plugin.SettingInfo;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;

import java.util.List;

/**
 * The ControlsFX property sheet of the selected node (or of the pipeline when nothing is selected),
 * generated from the settings record: name with unit, summary, range and default in the description.
 */
public final class PropertiesView extends BorderPane {
    private final PropertySheet sheet = new PropertySheet();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final EditorViewModel vm;

    public PropertiesView(EditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("properties-view");
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> item.getType() == String.class ? new CommitTextEditor(item) : defaults.call(item));
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        title.getStyleClass().add("view-headline");
        summary.setWrapText(true);
        summary.getStyleClass().add("text-muted");
        VBox head = new VBox(2, title, summary);
        head.setPadding(new Insets(8, 10, 6, 10));
        setTop(head);
        setCenter(sheet);
        vm.selection().addListener((ListChangeListener<GraphNode>) c -> refresh());
        vm.undo().versionProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public void refresh() {
        GraphNode n = vm.selection().size() == 1 ? vm.selection().getFirst() : null;
        List<SettingInfo> infos = n == null ? BuiltinFields.PIPELINE : vm.catalog().settings(n);
        title.setText(n == null ? "Pipeline " + vm.name() : n.title());
        summary.setText(n == null ? "Select a node to edit its settings." : describe(n));
        String category = n == null ? "pipeline" : n.kind.title();
        sheet.getItems().setAll(infos.stream().map(i -> (PropertySheet.Item) new SettingItem(vm, n, i, category)).toList());
    }

    private String describe(GraphNode n) {
        return vm.catalog().descriptor(n).map(PluginDescriptor::summary).orElse(n.kind.title())
                + (vm.catalog().settings(n).isEmpty() ? " — no settings" : "");
    }

    public PropertySheet sheet() {
        return sheet;
    }
}
