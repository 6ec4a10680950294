package dev.servelab.app.gui;

import dev.servelab.app.data.RunReader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.hw.remote.DeviceRegistry;
import dev.servelab.hw.remote.ProbePlan;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.prefs.Preferences;

/**
 * Everything the workbench reaches outside itself, created once when the window starts and passed to the
 * view models and actions that need it: the plugins, the run store, the background loader, the device
 * registry and its probe plan, the recent-files list, the theme and what {@code servelab gui} preloaded.
 * Nothing in the workbench holds these in static fields.
 *
 * @param plugins     the discovered plugins (palette, validation, runs)
 * @param store       reads runs from the SQLite run store the window shows
 * @param background  slow work off the JavaFX thread, results back on it
 * @param devices     the registered remote devices ({@code servelab device})
 * @param probePlan   how a device is probed
 * @param recentFiles the last pipeline files opened or saved
 * @param theme       light or dark
 * @param startup     what was loaded while the toolkit started (the first runs list)
 */
public record WorkbenchServices(PluginRegistry plugins, RunReader store, Background background, DeviceRegistry devices,
                                ProbePlan probePlan, RecentFiles recentFiles, Theme theme, Preload startup) {

    /** The services of the window: {@code db} is the run store, the rest are the user's standard ones. */
    public static WorkbenchServices start(Preload startup, Path db, boolean dark) {
        return new WorkbenchServices(startup.registry(), new RunReader(db), new Background(Platform::runLater),
                DeviceRegistry.standard(), ProbePlan.standard(),
                new RecentFiles(Preferences.userRoot().node("dev/servelab/workbench")), new Theme(dark), startup);
    }
}
