package dev.servelab.app.command;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

import java.util.List;

/**
 * The command palette: a popup at the top of the window with a search box and the matching commands
 * ({@link CommandFilter}). Up and Down pick, Enter runs the picked one (the first when none is picked),
 * Esc closes; a double-click runs too. The command runs after the popup has closed, so it can move
 * the focus.
 */
public final class CommandPalette {
    private final Popup popup = new Popup();
    private final TextField field = new TextField();
    private final ListView<Command> list = new ListView<>();
    private final Label hint = new Label();
    private List<Command> all = List.of();

    public CommandPalette() {
        field.setId("command-palette-field");
        field.setPromptText("Type a command or a plugin id to add it");
        list.setId("command-palette-list");
        list.setPrefSize(560, 320);
        list.setFocusTraversable(false);
        hint.getStyleClass().add("text-muted");
        VBox box = new VBox(6, field, list, hint);
        box.getStyleClass().add("command-palette");
        box.setId("command-palette");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        field.textProperty().addListener((o, a, t) -> update());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) runSelected();
        });
    }

    /** Opens the palette over {@code anchor}'s window with these commands, the search box empty and focused. */
    public void show(Node anchor, List<Command> commands) {
        all = List.copyOf(commands);
        field.clear();
        update();
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        ((VBox) popup.getContent().getFirst()).getStylesheets().setAll(anchor.getScene().getStylesheets());
        popup.show(anchor.getScene().getWindow(), b.getMinX() + Math.max(0, (b.getWidth() - 580) / 2), b.getMinY() + 60);
        field.requestFocus();
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    public void hide() {
        popup.hide();
    }

    /** The commands listed now, best match first. */
    public List<Command> shown() {
        return List.copyOf(list.getItems());
    }

    private void update() {
        List<Command> m = CommandFilter.matching(all, field.getText());
        list.getItems().setAll(m);
        if (!m.isEmpty()) list.getSelectionModel().select(0);
        hint.setText(m.size() + " of " + all.size() + " commands · Enter runs · Esc closes");
    }

    private void key(KeyEvent e) {
        int i = list.getSelectionModel().getSelectedIndex();
        switch (e.getCode()) {
            case DOWN -> list.getSelectionModel().select(Math.min(list.getItems().size() - 1, i + 1));
            case UP -> list.getSelectionModel().select(Math.max(0, i - 1));
            case ENTER -> runSelected();
            case ESCAPE -> popup.hide();
            default -> {
                return;
            }
        }
        list.scrollTo(Math.max(0, list.getSelectionModel().getSelectedIndex()));
        e.consume();
    }

    private void runSelected() {
        Command c = list.getSelectionModel().getSelectedItem();
        if (c == null && !list.getItems().isEmpty()) c = list.getItems().getFirst();
        if (c == null) return;
        popup.hide();
        Platform.runLater(c.action());
    }
}
