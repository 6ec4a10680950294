package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.property.editor.AbstractPropertyEditor;

import java.util.List;
import java.util.Locale;

/**
 * A length distribution ({@code {dist: lognormal, mean: 1150, cv: 0.8, min: 2, max: 14000}}) in the
 * property sheet: a button showing it; pressing it opens a small form (dist, mean, cv, min, max) with
 * a histogram of samples drawn as the workload would draw them, redrawn as the fields change.
 */
final class LengthEditor extends AbstractPropertyEditor<String, Button> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> FIELDS = List.of("mean", "cv", "min", "max");
    private StringProperty committed;

    LengthEditor(SettingItem item) {
        super(item, new Button());
        getEditor().setMaxWidth(Double.MAX_VALUE);
        getEditor().setPrefWidth(120);
        getEditor().setMnemonicParsing(false);
        getEditor().setOnAction(e -> edit());
    }

    private void edit() {
        JsonNode v = read(committed().get());
        ComboBox<String> dist = new ComboBox<>();
        dist.getItems().setAll("fixed", "uniform", "exponential", "lognormal");
        dist.setValue(v.path("dist").asText("lognormal"));
        dist.setId("length-dist");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("dist"), dist);
        TextField[] fields = new TextField[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            fields[i] = new TextField(v.has(FIELDS.get(i)) ? v.get(FIELDS.get(i)).asText() : "");
            fields[i].setId("length-" + FIELDS.get(i));
            fields[i].setPrefColumnCount(8);
            form.addRow(i + 1, new Label(FIELDS.get(i)), fields[i]);
        }
        LengthHistogram hist = new LengthHistogram(340, 150);
        Runnable redraw = () -> hist.draw(dist.getValue(), num(fields[0]), num(fields[1]), (int) num(fields[2]), (int) num(fields[3]));
        dist.valueProperty().addListener(o -> redraw.run());
        for (TextField f : fields) f.textProperty().addListener(o -> redraw.run());
        redraw.run();
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Length distribution");
        d.setHeaderText(((SettingItem) getProperty()).info().summary());
        d.getDialogPane().setContent(new VBox(10, form, hist, hist.caption()));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (getEditor().getScene() != null) d.initOwner(getEditor().getScene().getWindow());
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        StringBuilder sb = new StringBuilder("{dist: ").append(dist.getValue());
        for (int i = 0; i < FIELDS.size(); i++) {
            if (!fields[i].getText().isBlank()) sb.append(", ").append(FIELDS.get(i)).append(": ").append(fields[i].getText().trim());
        }
        committed().set(sb.append("}").toString());
    }

    private static double num(TextField f) {
        try {
            return Double.parseDouble(f.getText().trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static JsonNode read(String flow) {
        try {
            JsonNode n = flow == null || flow.isBlank() ? null : YAML.readTree(flow);
            return n == null ? YAML.createObjectNode() : n;
        } catch (Exception e) {
            return YAML.createObjectNode();
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
        getEditor().setText(value);
        getEditor().setTooltip(value == null ? null : new javafx.scene.control.Tooltip(value + "\n(press to edit, with a histogram)"));
        committed().set(value);
    }

    static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
