package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;
import java.util.List;

/** The nodes and wires of a pipeline, plus its top-level fields (name, description, seed). */
public final class PipelineGraph {
    public final ObservableList<GraphNode> nodes = FXCollections.observableArrayList();
    public final ObservableList<Wire> wires = FXCollections.observableArrayList();
    public final ObservableMap<String, JsonNode> fields = FXCollections.observableMap(new LinkedHashMap<>());

    /** Why a wire from (from, out) to (to, in) is not allowed, or null when it is. */
    public String whyNot(GraphNode from, String out, GraphNode to, String in) {
        Port o = from.kind.port(out), i = to.kind.port(in);
        if (o == null || i == null || o.input() || !i.input()) return "connect an output to an input";
        if (from == to) return "a node cannot feed itself";
        if (o.type() != i.type()) return out + " (" + o.type() + ") does not fit " + in + " (" + i.type() + ")";
        for (Wire w : wires) {
            if (w.from() == from && w.fromPort().equals(out) && w.to() == to && w.toPort().equals(in)) return "already connected";
            if (!i.multi() && w.to() == to && w.toPort().equals(in)) return in + " already has a connection";
            if (!o.multi() && w.from() == from && w.fromPort().equals(out)) return out + " already has a connection";
        }
        return null;
    }

    public List<Wire> wiresOf(GraphNode n) {
        return wires.stream().filter(w -> w.from() == n || w.to() == n).toList();
    }

    /** The node wired into input {@code port} of {@code n}, or null. */
    public GraphNode source(GraphNode n, String port) {
        return wires.stream().filter(w -> w.to() == n && w.toPort().equals(port)).map(Wire::from).findFirst().orElse(null);
    }

    /** The nodes wired from output {@code port} of {@code n}. */
    public List<GraphNode> targets(GraphNode n, String port) {
        return wires.stream().filter(w -> w.from() == n && w.fromPort().equals(port)).map(Wire::to).toList();
    }
}
