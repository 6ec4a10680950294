package dev.servelab.app.editor;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.nio.file.Path;

/**
 * A trace node's {@code file}: an editable drop-down of recent traces and those beside the pipeline, and
 * a button that opens a file chooser. A picked file goes through {@link EditorViewModel#pickTrace}, which
 * sniffs its format and swaps the reader when the file is of another format.
 */
final class TraceFileEditor extends AbstractPropertyEditor<String, HBox> {
    private StringProperty committed;
    private final ComboBox<String> box;
    private final EditorViewModel vm;
    private final GraphNode node;
    private boolean setting;

    TraceFileEditor(SettingItem item, EditorViewModel vm) {
        super(item, new HBox(4));
        this.vm = vm;
        this.node = item.node();
        box = new ComboBox<>();
        box.setEditable(true);
        box.setId("trace-file");
        box.setPromptText("pick a trace file");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(120);
        HBox.setHgrow(box, Priority.ALWAYS);
        for (Path p : vm.traceChoices()) box.getItems().add(vm.relative(p));
        Button browse = new Button(null, new FontIcon("mdi2f-folder-open-outline"));
        browse.setId("trace-file-browse");
        browse.setTooltip(new Tooltip("Choose a trace file…"));
        browse.setOnAction(e -> browse());
        getEditor().getChildren().addAll(box, browse);
        box.valueProperty().addListener((o, a, v) -> {
            if (!setting && v != null && !box.isShowing()) pick(v);
        });
        box.setOnHidden(e -> {
            if (box.getValue() != null) pick(box.getValue());
        });
        box.getEditor().setOnAction(e -> pick(box.getEditor().getText()));
        box.getEditor().focusedProperty().addListener((o, was, is) -> {
            if (!is) pick(box.getEditor().getText());
        });
    }

    private void browse() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Trace file");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Traces (*.csv, *.jsonl, *.json)", "*.csv", "*.jsonl", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File dir = vm.baseDir().toFile();
        if (dir.isDirectory()) fc.setInitialDirectory(dir);
        File f = fc.showOpenDialog(getEditor().getScene() == null ? null : getEditor().getScene().getWindow());
        if (f != null) pick(f.getPath());
    }

    private void pick(String text) {
        if (setting || text == null || text.isBlank() || text.equals(committed().get())) return;
        vm.pickTrace(node, vm.baseDir().resolve(text.trim()));
    }

    /** Created on first use: the superclass constructor asks for it before this class's fields are set. */
    private StringProperty committed() {
        if (committed == null) committed = new SimpleStringProperty();
        return committed;
    }

    @Override
    protected ObservableValue<String> getObservableValue() {
        return committed();
    }

    @Override
    public void setValue(String value) {
        setting = true;
        try {
            box.setValue(value);
            box.getEditor().setText(value);
            committed().set(value);
        } finally {
            setting = false;
        }
    }
}
