package dev.servelab.app.gui;

import dev.servelab.engine.plugin.PluginRegistry;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The workbench window as the app builds it (theme, stylesheets, shortcuts), on a test stage and store. */
final class TestWindow {
    private TestWindow() {
    }

    static MainWindow show(Stage stage, Path db, double width, double height) {
        Theme.apply(false);
        MainWindow window = new MainWindow(new Workbench(PluginRegistry.load(), db));
        Scene scene = new Scene(window, width, height);
        Theme.style(scene);
        Shortcuts.install(scene, window);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
