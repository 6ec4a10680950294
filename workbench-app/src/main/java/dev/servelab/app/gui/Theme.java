package dev.servelab.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

/** AtlantaFX Primer light/dark as the user-agent stylesheet, plus the workbench's own stylesheet on every scene. */
public final class Theme {
    public static final BooleanProperty DARK = new SimpleBooleanProperty(false);
    static final String CSS = Theme.class.getResource("workbench.css").toExternalForm();

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        DARK.set(dark);
    }

    public static void style(Scene scene) {
        scene.getStylesheets().add(CSS);
        Runnable mark = () -> {
            scene.getRoot().getStyleClass().remove("dark");
            if (DARK.get()) scene.getRoot().getStyleClass().add("dark");
        };
        DARK.addListener(o -> mark.run());
        mark.run();
    }
}
