package dev.servelab.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

/**
 * AtlantaFX Primer light/dark as the user-agent stylesheet, plus the shell's stylesheet on the window's
 * scene (features add their own sheets to their views). {@link #dark()} is the switch the toolbar and
 * Ctrl+D flip; setting it re-applies the user-agent sheet and marks the scene root with {@code dark}.
 */
public final class Theme {
    static final String CSS = Theme.class.getResource("shell.css").toExternalForm();
    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public Theme(boolean dark) {
        apply(dark);
        this.dark.addListener((o, a, b) -> apply(b));
    }

    /** True while the dark theme is on; write it to switch. */
    public BooleanProperty dark() {
        return dark;
    }

    private void apply(boolean on) {
        Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        dark.set(on);
    }

    public void style(Scene scene) {
        scene.getStylesheets().add(CSS);
        Runnable mark = () -> {
            scene.getRoot().getStyleClass().remove("dark");
            if (dark.get()) scene.getRoot().getStyleClass().add("dark");
        };
        dark.addListener(o -> mark.run());
        mark.run();
    }
}
