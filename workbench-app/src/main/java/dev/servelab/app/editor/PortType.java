package dev.servelab.app.editor;

/** What flows along a wire; an output connects only to an input of the same type. */
public enum PortType {
    ARRIVALS, ADMITTED, ROUTED, COMPLETED, SCHEDULER, EVICTION, EXECUTOR
}
