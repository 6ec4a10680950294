package dev.servelab.app.gui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;

/** The toolbar: file actions, examples and recent files, undo/redo, run/cancel, store and theme. */
final class MainToolbar extends ToolBar {
    MainToolbar(MainWindow w) {
        getStyleClass().add("main-toolbar");
        Button create = button("mdi2f-file-outline", "New pipeline (Ctrl+N)", w.files::newPipeline);
        Button open = button("mdi2f-folder-open-outline", "Open pipeline (Ctrl+O)", w.files::open);
        Button save = button("mdi2c-content-save-outline", "Save (Ctrl+S)", w.files::save);
        save.disableProperty().bind(w.wb.editor.dirty.not());
        MenuButton examples = new MenuButton("Examples", new FontIcon("mdi2b-book-open-page-variant-outline"));
        for (Path p : Examples.all()) {
            MenuItem mi = new MenuItem(p.getFileName().toString());
            mi.setOnAction(e -> w.files.openFile(p));
            examples.getItems().add(mi);
        }
        MenuButton recent = new MenuButton(null, new FontIcon("mdi2h-history"));
        recent.setTooltip(new Tooltip("Recent files"));
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : w.files.recent.list()) {
                MenuItem mi = new MenuItem(p.toString());
                mi.setOnAction(a -> w.files.openFile(p));
                recent.getItems().add(mi);
            }
            if (recent.getItems().isEmpty()) recent.getItems().add(new MenuItem("(none yet)"));
        });
        Button undo = button("mdi2u-undo", "Undo (Ctrl+Z)", w.wb.editor.undo::undo);
        undo.disableProperty().bind(w.wb.editor.undo.canUndo.not());
        Button redo = button("mdi2r-redo", "Redo (Ctrl+Shift+Z)", w.wb.editor.undo::redo);
        redo.disableProperty().bind(w.wb.editor.undo.canRedo.not());
        Button run = new Button("Run", new FontIcon("mdi2p-play"));
        run.setId("run-button");
        run.setTooltip(new Tooltip("Run the pipeline in the chosen mode (F5)"));
        run.getStyleClass().add("run-button");
        run.setOnAction(e -> w.running.run());
        run.disableProperty().bind(w.wb.run.running);
        javafx.scene.control.ComboBox<dev.servelab.app.run.ExecutionMode> mode = new javafx.scene.control.ComboBox<>(w.wb.run.modes);
        mode.setId("run-mode");
        mode.valueProperty().bindBidirectional(w.wb.run.mode);
        mode.setTooltip(new Tooltip("Simulation, or live execution on a backend found here (pools must use a live executor, exec.jvm)"));
        mode.disableProperty().bind(w.wb.run.running);
        Label title = new Label();
        title.getStyleClass().add("doc-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> w.wb.editor.name() + (w.wb.editor.dirty.get() ? " •" : ""),
                w.wb.editor.dirty, w.wb.editor.file, w.wb.editor.undo.version));
        Label db = new Label(w.wb.reader.db().toString(), new FontIcon("mdi2d-database-outline"));
        db.getStyleClass().add("text-muted");
        ToggleButton dark = new ToggleButton(null, new FontIcon("mdi2t-theme-light-dark"));
        dark.setTooltip(new Tooltip("Light / dark theme (Ctrl+D)"));
        dark.selectedProperty().bindBidirectional(Theme.DARK);
        Theme.DARK.addListener((o, a, b) -> Theme.apply(b));
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        getItems().addAll(create, open, save, examples, recent, new Separator(javafx.geometry.Orientation.VERTICAL), undo, redo, new Separator(javafx.geometry.Orientation.VERTICAL), run, mode,
                new Separator(javafx.geometry.Orientation.VERTICAL), title, sp, db, dark);
    }

    private static Button button(String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
