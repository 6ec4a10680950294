package dev.servelab.app.editor;

/** A connection from an output port of one node to an input port of another. */
public record Wire(GraphNode from, String fromPort, GraphNode to, String toPort) {
}
