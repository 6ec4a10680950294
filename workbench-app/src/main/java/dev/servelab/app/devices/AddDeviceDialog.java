package dev.servelab.app.devices;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Add device…: URL, name (blank: host-port), dialect, and the name of the environment variable that
 * holds the API key (the key itself is never asked for or stored). A wrong input keeps the dialog
 * open with the reason below the fields.
 */
final class AddDeviceDialog extends Dialog<Void> {
    AddDeviceDialog(DevicesViewModel vm) {
        setTitle("Add device");
        setHeaderText("Register a device by URL (a ServeLab agent, vLLM, SGLang, llama.cpp or Ollama server)");
        TextField url = new TextField("http://127.0.0.1:8088");
        url.setId("device-url");
        url.setPrefColumnCount(28);
        TextField name = new TextField();
        name.setId("device-name");
        name.setPromptText("host-port");
        ComboBox<String> dialect = new ComboBox<>();
        dialect.getItems().setAll(DevicesViewModel.DIALECTS);
        dialect.getSelectionModel().selectFirst();
        dialect.setId("device-dialect");
        TextField keyEnv = new TextField();
        keyEnv.setId("device-key-env");
        keyEnv.setPromptText("e.g. EDGE_TOKEN (a variable name, never the key)");
        Label error = new Label();
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        GridPane grid = new GridPane(8, 8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("URL"), url);
        grid.addRow(1, new Label("Name"), name);
        grid.addRow(2, new Label("Dialect"), dialect);
        grid.addRow(3, new Label("API key env var"), keyEnv);
        grid.add(error, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                vm.add(url.getText(), name.getText(), dialect.getValue(), keyEnv.getText());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
    }
}
