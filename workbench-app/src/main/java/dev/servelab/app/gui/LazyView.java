package dev.servelab.app.gui;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Supplier;

/** A tab whose view is built the first time it is shown (or asked for), keeping start-up fast. */
final class LazyView<T extends Node> {
    final Tab tab;
    private final Supplier<T> factory;
    private T view;

    LazyView(String name, String icon, Supplier<T> factory) {
        this.factory = factory;
        tab = new Tab(name);
        tab.setGraphic(new FontIcon(icon));
        tab.setId("tab-" + name.toLowerCase());
        tab.selectedProperty().addListener((o, was, is) -> {
            if (is) get();
        });
    }

    T get() {
        if (view == null) {
            view = factory.get();
            tab.setContent(view);
        }
        return view;
    }
}
