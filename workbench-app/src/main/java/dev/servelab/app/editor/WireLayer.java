package dev.servelab.app.editor;

import javafx.scene.layout.Pane;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Line;

/** Draws the wires as curves between port positions; also the wire being dragged out of a port. */
final class WireLayer extends Pane {
    private final PipelineGraph graph;
    private final Line pending = new Line();

    WireLayer(PipelineGraph graph) {
        this.graph = graph;
        setPickOnBounds(false);
        setMouseTransparent(false);
        pending.getStyleClass().add("wire-pending");
        pending.setVisible(false);
        pending.setMouseTransparent(true);
    }

    void refresh(java.util.function.Consumer<Wire> onWireClicked) {
        getChildren().clear();
        for (Wire w : graph.wires) {
            double[] a = NodeView.portPosition(w.from(), w.fromPort()), b = NodeView.portPosition(w.to(), w.toPort());
            double dx = Math.max(40, Math.abs(b[0] - a[0]) * 0.5);
            CubicCurve c = new CubicCurve(a[0], a[1], a[0] + dx, a[1], b[0] - dx, b[1], b[0], b[1]);
            c.getStyleClass().addAll("wire", "wire-" + w.from().kind.port(w.fromPort()).type().name().toLowerCase());
            c.setOnMouseClicked(e -> onWireClicked.accept(w));
            getChildren().add(c);
        }
        getChildren().add(pending);
    }

    void showPending(double x0, double y0, double x1, double y1, boolean valid) {
        pending.setStartX(x0);
        pending.setStartY(y0);
        pending.setEndX(x1);
        pending.setEndY(y1);
        pending.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), !valid);
        pending.setVisible(true);
    }

    void hidePending() {
        pending.setVisible(false);
    }
}
