package dev.servelab.app.editor;

/** A node's connection point. {@code multi}: several wires may attach (router outputs, sink input). */
public record Port(String name, PortType type, boolean input, boolean multi) {
    static Port in(String name, PortType t) {
        return new Port(name, t, true, false);
    }

    static Port out(String name, PortType t) {
        return new Port(name, t, false, false);
    }
}
