package dev.servelab.app.editor;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

import java.util.List;
import java.util.function.Supplier;

/**
 * A drop-down for the property sheet: a node's plugin, a pool's model or hardware from the catalogs.
 * Editable ones also take typed text; an optional last entry ({@value #FILE}) asks {@code pick} for a
 * custom file instead. Commits on a choice, on Enter or when focus leaves.
 */
final class ChoiceEditor extends AbstractPropertyEditor<String, ComboBox<String>> {
    static final String FILE = "file…";
    private StringProperty committed;
    private boolean setting;

    ChoiceEditor(PropertySheet.Item item, List<String> choices, boolean editable, Supplier<String> pick) {
        super(item, new ComboBox<>());
        ComboBox<String> box = getEditor();
        box.getItems().setAll(choices);
        if (pick != null) box.getItems().add(FILE);
        box.setEditable(editable);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(120);
        box.setVisibleRowCount(14);
        box.valueProperty().addListener((o, a, v) -> {
            if (setting || v == null) return;
            if (FILE.equals(v)) {
                String f = pick.get();
                javafx.application.Platform.runLater(() -> setValue(f != null ? f : committed().get()));
                if (f != null) committed().set(f);
                return;
            }
            if (!box.isShowing()) committed().set(v);
        });
        box.setOnHidden(e -> {
            String v = box.getValue();
            if (v != null && !FILE.equals(v)) committed().set(v);
        });
        if (editable) {
            box.getEditor().setOnAction(e -> committed().set(box.getEditor().getText()));
            box.getEditor().focusedProperty().addListener((o, was, is) -> {
                if (!is) committed().set(box.getEditor().getText());
            });
        }
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
            getEditor().setValue(value);
            if (getEditor().isEditable()) getEditor().getEditor().setText(value);
            committed().set(value);
        } finally {
            setting = false;
        }
    }
}
