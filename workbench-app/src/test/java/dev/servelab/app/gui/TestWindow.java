package dev.servelab.app.gui;

import dev.servelab.app.data.RunReader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.hw.remote.DeviceRegistry;
import dev.servelab.hw.remote.ProbePlan;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/** The workbench window as the app builds it (services, theme, stylesheets, shortcuts), on a test stage and store. */
final class TestWindow {
    private TestWindow() {
    }

    /** The services of a window over the store {@code db}, with a recent-files list of its own. */
    static WorkbenchServices services(Path db) {
        PluginRegistry plugins = PluginRegistry.load();
        return new WorkbenchServices(plugins, new RunReader(db), new Background(Platform::runLater),
                DeviceRegistry.standard(), ProbePlan.standard(),
                new RecentFiles(Preferences.userRoot().node("dev/servelab/workbench-test")), new Theme(false),
                Preload.of(plugins));
    }

    static MainWindow show(Stage stage, Path db, double width, double height) {
        WorkbenchServices services = services(db);
        MainWindow window = new MainWindow(services, false);
        Scene scene = new Scene(window, width, height);
        services.theme().style(scene);
        Shortcuts.install(scene, window);
        stage.setScene(scene);
        stage.show();
        return window;
    }
}
