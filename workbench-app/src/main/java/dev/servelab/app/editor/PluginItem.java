package dev.servelab.app.editor;

import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

import java.util.Optional;

/**
 * The first row of a plugin node's property sheet: which plugin fills the node. Choosing another one
 * swaps it in place ({@link EditorViewModel#swapPlugin}), keeping the settings that still apply.
 */
public final class PluginItem implements PropertySheet.Item {
    private final EditorViewModel vm;
    private final GraphNode node;

    public PluginItem(EditorViewModel vm, GraphNode node) {
        this.vm = vm;
        this.node = node;
    }

    GraphNode node() {
        return node;
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public String getCategory() {
        return node.kind.title();
    }

    @Override
    public String getName() {
        return "plugin";
    }

    @Override
    public String getDescription() {
        return "The " + node.kind.title().toLowerCase() + " plugin; pick another to swap it in place (settings that still apply are kept)";
    }

    @Override
    public Object getValue() {
        return node.plugin.get();
    }

    @Override
    public void setValue(Object value) {
        if (value != null && !value.toString().isBlank()) vm.swapPlugin(node, value.toString().trim());
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
