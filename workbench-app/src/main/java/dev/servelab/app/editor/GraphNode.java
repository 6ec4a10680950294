package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node on the editor canvas: its kind, plugin id (null for pools and the sink), position, and the
 * settings given explicitly (defaults are not stored, as in the pipeline file).
 */
public final class GraphNode {
    public final NodeKind kind;
    public final StringProperty plugin = new SimpleStringProperty();
    public final DoubleProperty x = new SimpleDoubleProperty();
    public final DoubleProperty y = new SimpleDoubleProperty();
    public final ObservableMap<String, JsonNode> settings = FXCollections.observableMap(new LinkedHashMap<>());

    public GraphNode(NodeKind kind, String plugin, double x, double y) {
        this.kind = kind;
        this.plugin.set(plugin);
        this.x.set(x);
        this.y.set(y);
    }

    public GraphNode copy(double dx, double dy) {
        GraphNode n = new GraphNode(kind, plugin.get(), x.get() + dx, y.get() + dy);
        for (Map.Entry<String, JsonNode> e : settings.entrySet()) n.settings.put(e.getKey(), e.getValue().deepCopy());
        return n;
    }

    public String title() {
        if (kind == NodeKind.POOL) {
            JsonNode n = settings.get("name");
            return n == null ? "pool" : n.asText();
        }
        return plugin.get() == null ? kind.title() : plugin.get();
    }

    @Override
    public String toString() {
        return kind.title() + " " + title();
    }
}
