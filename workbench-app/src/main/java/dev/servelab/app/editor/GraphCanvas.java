package dev.servelab.app.editor;

import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The editor canvas: node cards and wires on a pannable, zoomable surface. Drag a card to move it
 * (with the selection), drag from a port to another to wire them (only matching ports accept), drag
 * the background to pan, wheel to zoom, click a wire to select it for deletion.
 */
public final class GraphCanvas extends Pane {
    final Pane content = new Pane();
    private final Pane nodeLayer = new Pane();
    private final WireLayer wires;
    private final EditorViewModel vm;
    private final Map<GraphNode, NodeView> views = new IdentityHashMap<>();
    private final java.util.Set<GraphNode> tracked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Translate pan = new Translate();
    private final Scale zoom = new Scale(1, 1, 0, 0);
    private Point2D dragStart;
    private Map<GraphNode, double[]> moveFrom;
    private double panX;
    private double panY;
    private boolean pressing;
    private java.util.function.BiConsumer<String, Point2D> refusal = (why, at) -> { };
    private java.util.function.Consumer<GraphNode> onEdit = n -> { };

    public GraphCanvas(EditorViewModel vm) {
        this.vm = vm;
        this.wires = new WireLayer(vm.graph());
        getStyleClass().add("graph-canvas");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        nodeLayer.setPickOnBounds(false);
        content.setPickOnBounds(false);
        content.getChildren().addAll(wires, nodeLayer);
        content.getTransforms().addAll(pan, zoom);
        getChildren().add(content);
        vm.graph().nodes.addListener((ListChangeListener<GraphNode>) c -> rebuild());
        vm.graph().wires.addListener((ListChangeListener<Wire>) c -> refreshWires());
        vm.selection().addListener((ListChangeListener<GraphNode>) c -> views.forEach((n, v) -> v.setSelected(vm.selection().contains(n))));
        vm.problems().addListener((ListChangeListener<Problem>) c -> views.forEach((n, v) -> v.setProblems(vm.problemsOf(n))));
        setOnMousePressed(this::backgroundPressed);
        setOnMouseDragged(this::backgroundDragged);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        setFocusTraversable(true);
        rebuild();
    }

    public NodeView view(GraphNode n) {
        return views.get(n);
    }

    /** Told why a wire was refused, with the scene point of the cursor (null reason: hide the message). */
    public void setOnRefusal(java.util.function.BiConsumer<String, Point2D> r) {
        refusal = r;
    }

    /** Called with a node when Enter is pressed on it (edit its settings). */
    public void setOnEdit(java.util.function.Consumer<GraphNode> e) {
        onEdit = e;
    }

    /** Gives a node's card the keyboard focus (and so selects it). */
    public void focusNode(GraphNode n) {
        NodeView v = views.get(n);
        if (v != null) v.requestFocus();
    }

    /** Converts a scene point to graph coordinates. */
    public Point2D toGraph(double sceneX, double sceneY) {
        return content.sceneToLocal(sceneX, sceneY);
    }

    public double zoomFactor() {
        return zoom.getX();
    }

    public void resetView() {
        pan.setX(0);
        pan.setY(0);
        zoom.setX(1);
        zoom.setY(1);
    }

    /** Zooms and pans so that every node is visible (at most 100 %). */
    public void fit() {
        if (vm.graph().nodes.isEmpty() || getWidth() < 10 || getHeight() < 10) return;
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (GraphNode n : vm.graph().nodes) {
            x0 = Math.min(x0, n.x.get());
            y0 = Math.min(y0, n.y.get());
            x1 = Math.max(x1, n.x.get() + NodeView.WIDTH);
            y1 = Math.max(y1, n.y.get() + NodeView.HEADER + n.kind.ports().size() * NodeView.ROW + 10);
        }
        double margin = 40;
        double s = Math.max(0.25, Math.min(1, Math.min((getWidth() - 2 * margin) / (x1 - x0), (getHeight() - 2 * margin) / (y1 - y0))));
        zoom.setX(s);
        zoom.setY(s);
        pan.setX((getWidth() - (x1 - x0) * s) / 2 - x0 * s);
        pan.setY(Math.min(margin, (getHeight() - (y1 - y0) * s) / 2) - y0 * s);
    }

    private void rebuild() {
        views.clear();
        nodeLayer.getChildren().clear();
        for (GraphNode n : vm.graph().nodes) {
            NodeView v = new NodeView(n);
            views.put(n, v);
            v.setSelected(vm.selection().contains(n));
            v.setProblems(vm.problemsOf(n));
            if (tracked.add(n)) {
                n.x.addListener(o -> refreshWires());
                n.y.addListener(o -> refreshWires());
            }
            v.focusedProperty().addListener((o, was, is) -> {
                if (is && !pressing && !vm.selection().contains(n)) vm.selection().setAll(n);
            });
            v.setOnKeyPressed(e -> nodeKey(e, n));
            v.setOnMousePressed(e -> nodePressed(e, n));
            v.setOnMouseDragged(e -> nodeDragged(e));
            v.setOnMouseReleased(e -> nodeReleased());
            v.connectors().forEach((port, circle) -> wireGestures(n, port, circle));
            nodeLayer.getChildren().add(v);
        }
        refreshWires();
    }

    private void refreshWires() {
        wires.refresh(w -> {
            vm.selection().clear();
            vm.disconnect(w);
        });
    }

    /** Arrows: to the nearest node that way; Enter: edit its settings; Delete: remove the selection. */
    private void nodeKey(javafx.scene.input.KeyEvent e, GraphNode n) {
        switch (e.getCode()) {
            case LEFT, RIGHT, UP, DOWN -> {
                GraphNode next = KeyboardNavigation.nearest(vm.graph().nodes, n, e.getCode());
                if (next != null) focusNode(next);
            }
            case ENTER -> onEdit.accept(n);
            case DELETE, BACK_SPACE -> {
                GraphNode next = KeyboardNavigation.nearest(vm.graph().nodes, n, javafx.scene.input.KeyCode.LEFT);
                vm.deleteSelection();
                if (next != null && vm.graph().nodes.contains(next)) focusNode(next); else requestFocus();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void nodePressed(MouseEvent e, GraphNode n) {
        pressing = true;
        views.get(n).requestFocus();
        pressing = false;
        if (e.isShortcutDown() || e.isShiftDown()) {
            if (vm.selection().contains(n)) vm.selection().remove(n); else vm.selection().add(n);
        } else if (!vm.selection().contains(n)) {
            vm.selection().setAll(n);
        }
        dragStart = new Point2D(e.getSceneX(), e.getSceneY());
        moveFrom = new IdentityHashMap<>();
        for (GraphNode s : vm.selection()) moveFrom.put(s, new double[]{s.x.get(), s.y.get()});
        e.consume();
    }

    private void nodeDragged(MouseEvent e) {
        if (moveFrom == null) return;
        double dx = (e.getSceneX() - dragStart.getX()) / zoom.getX(), dy = (e.getSceneY() - dragStart.getY()) / zoom.getY();
        moveFrom.forEach((n, p) -> {
            n.x.set(p[0] + dx);
            n.y.set(p[1] + dy);
        });
        e.consume();
    }

    private void nodeReleased() {
        if (moveFrom != null) vm.moved(moveFrom);
        moveFrom = null;
    }

    private void wireGestures(GraphNode n, String port, Circle c) {
        Port p = n.kind.port(port);
        c.setOnMousePressed(e -> e.consume());
        c.setOnMouseDragged(e -> {
            double[] a = NodeView.portPosition(n, port);
            Point2D b = toGraph(e.getSceneX(), e.getSceneY());
            PortHit target = portAt(e.getSceneX(), e.getSceneY());
            String why = target == null ? null : why(n, p, target);
            wires.showPending(a[0], a[1], b.getX(), b.getY(), target != null && why == null);
            refusal.accept(why, new Point2D(e.getSceneX(), e.getSceneY()));
            e.consume();
        });
        c.setOnMouseReleased(e -> {
            wires.hidePending();
            PortHit target = portAt(e.getSceneX(), e.getSceneY());
            if (target != null) {
                String why = why(n, p, target);
                if (why == null) {
                    refusal.accept(null, null);
                    if (p.input()) vm.connect(target.node(), target.port(), n, port);
                    else vm.connect(n, port, target.node(), target.port());
                } else {
                    refusal.accept(why, new Point2D(e.getSceneX(), e.getSceneY()));
                }
            } else {
                refusal.accept(null, null);
            }
            e.consume();
        });
    }

    private String why(GraphNode n, Port p, PortHit t) {
        return p.input() ? vm.graph().whyNot(t.node(), t.port(), n, p.name()) : vm.graph().whyNot(n, p.name(), t.node(), t.port());
    }

    record PortHit(GraphNode node, String port) {
    }

    /** The port whose connector is nearest a scene point, within 14 px, or null. */
    PortHit portAt(double sceneX, double sceneY) {
        Point2D g = toGraph(sceneX, sceneY);
        double best = 14 / zoom.getX();
        PortHit hit = null;
        for (GraphNode n : vm.graph().nodes) {
            for (Port p : n.kind.ports()) {
                double[] pos = NodeView.portPosition(n, p.name());
                double d = Math.hypot(pos[0] - g.getX(), pos[1] - g.getY());
                if (d <= best) {
                    best = d;
                    hit = new PortHit(n, p.name());
                }
            }
        }
        return hit;
    }

    private void backgroundPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.PRIMARY && !e.isShiftDown()) vm.selection().clear();
        panX = e.getX() - pan.getX();
        panY = e.getY() - pan.getY();
    }

    private void backgroundDragged(MouseEvent e) {
        pan.setX(e.getX() - panX);
        pan.setY(e.getY() - panY);
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        double f = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
        zoomAt(f, e.getX(), e.getY());
        e.consume();
    }

    /** Zooms by {@code f} keeping the canvas point (x, y) fixed. */
    public void zoomAt(double f, double x, double y) {
        double s = Math.max(0.25, Math.min(3, zoom.getX() * f));
        double k = s / zoom.getX();
        pan.setX(x - (x - pan.getX()) * k);
        pan.setY(y - (y - pan.getY()) * k);
        zoom.setX(s);
        zoom.setY(s);
    }
}
