package dev.servelab.app.editor;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextField;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;

/** A text editor for the property sheet that commits on Enter or when focus leaves, not per keystroke. */
final class CommitTextEditor extends AbstractPropertyEditor<String, TextField> {
    private StringProperty committed;

    CommitTextEditor(PropertySheet.Item item) {
        super(item, new TextField());
        getEditor().setOnAction(e -> commit());
        getEditor().focusedProperty().addListener((o, was, is) -> {
            if (!is) commit();
        });
        getEditor().setPromptText("default");
        getEditor().setPrefColumnCount(6);
    }

    private StringProperty committed() {
        if (committed == null) committed = new SimpleStringProperty();
        return committed;
    }

    private void commit() {
        committed().set(getEditor().getText());
    }

    @Override
    protected ObservableValue<String> getObservableValue() {
        return committed();
    }

    @Override
    public void setValue(String value) {
        getEditor().setText(value);
        committed().set(value);
    }
}
