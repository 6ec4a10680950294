package dev.servelab.app.editor;

/** Something wrong with the pipeline: the node it concerns (null = the whole pipeline) and why. */
public record Problem(GraphNode node, String message, boolean error) {
    @Override
    public String toString() {
        return (error ? "✖ " : "⚠ ") + (node == null ? "" : node.title() + ": ") + message;
    }
}
