package dev.servelab.app.gui;

import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.app.run.ExecutionMode;
import dev.servelab.app.run.RunViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
        FileActions files = w.files();
        RunActions running = w.running();
        EditorViewModel editor = w.workbench().editor();
        RunViewModel runVm = w.workbench().run();
        WorkbenchServices services = w.services();
        Button create = button("mdi2f-file-outline", "New pipeline (Ctrl+N)", files::newPipeline);
        Button open = button("mdi2f-folder-open-outline", "Open pipeline (Ctrl+O)", files::open);
        Button save = button("mdi2c-content-save-outline", "Save (Ctrl+S)", files::save);
        save.disableProperty().bind(editor.dirtyProperty().not());
        MenuButton examples = new MenuButton("Examples", new FontIcon("mdi2b-book-open-page-variant-outline"));
        for (Path p : Examples.all()) {
            MenuItem mi = new MenuItem(p.getFileName().toString());
            mi.setOnAction(e -> files.openFile(p));
            examples.getItems().add(mi);
        }
        MenuButton recent = new MenuButton(null, new FontIcon("mdi2h-history"));
        recent.setTooltip(new Tooltip("Recent files"));
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : services.recentFiles().list()) {
                MenuItem mi = new MenuItem(p.toString());
                mi.setOnAction(a -> files.openFile(p));
                recent.getItems().add(mi);
            }
            if (recent.getItems().isEmpty()) recent.getItems().add(new MenuItem("(none yet)"));
        });
        Button undo = button("mdi2u-undo", "Undo (Ctrl+Z)", editor.undo()::undo);
        undo.disableProperty().bind(editor.undo().canUndoProperty().not());
        Button redo = button("mdi2r-redo", "Redo (Ctrl+Shift+Z)", editor.undo()::redo);
        redo.disableProperty().bind(editor.undo().canRedoProperty().not());
        Button run = new Button("Run", new FontIcon("mdi2p-play"));
        run.setId("run-button");
        run.setTooltip(new Tooltip("Run the pipeline in the chosen mode (F5)"));
        run.getStyleClass().add("run-button");
        run.setOnAction(e -> running.run());
        run.disableProperty().bind(runVm.runningProperty());
        ComboBox<ExecutionMode> mode = new ComboBox<>(runVm.modes());
        mode.setId("run-mode");
        mode.valueProperty().bindBidirectional(runVm.modeProperty());
        mode.setTooltip(new Tooltip("Simulation, or live execution on a backend found here (pools must use a live executor, exec.jvm)"));
        mode.disableProperty().bind(runVm.runningProperty());
        Label title = new Label();
        title.getStyleClass().add("doc-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> editor.name() + (editor.dirtyProperty().get() ? " •" : ""),
                editor.dirtyProperty(), editor.fileProperty(), editor.undo().versionProperty()));
        Label db = new Label(services.store().db().toString(), new FontIcon("mdi2d-database-outline"));
        db.getStyleClass().add("text-muted");
        ToggleButton dark = new ToggleButton(null, new FontIcon("mdi2t-theme-light-dark"));
        dark.setTooltip(new Tooltip("Light / dark theme (Ctrl+D)"));
        dark.selectedProperty().bindBidirectional(services.theme().dark());
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
