package dev.servelab.app.editor;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Palette | canvas | properties and problems. */
public final class EditorView extends BorderPane {
    /** The editor's stylesheet, beside this class in the resources. */
    static final String CSS = EditorView.class.getResource("editor.css").toExternalForm();
    private final GraphCanvas canvas;
    private final PaletteView palette;
    private final PropertiesView properties;
    private final ListView<Problem> problems = new ListView<>();
    private final EditorViewModel vm;
    private final Label ghost = new Label();
    private final Label refusal = new Label();
    private final javafx.animation.PauseTransition refusalTimer = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(4));

    public EditorView(EditorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("editor-view");
        getStylesheets().add(CSS);
        canvas = new GraphCanvas(vm);
        palette = new PaletteView(vm.catalog(), new PaletteView.DropTarget() {
            @Override
            public void drop(NodeKind kind, String plugin, double sx, double sy) {
                ghost.setVisible(false);
                dropNode(kind, plugin, sx, sy);
            }

            @Override
            public void dragging(String label, double sx, double sy) {
                Point2D p = sceneToLocal(sx, sy);
                ghost.setText(label);
                ghost.setVisible(true);
                ghost.relocate(p.getX() + 8, p.getY() + 8);
            }
        });
        properties = new PropertiesView(vm);
        problems.setItems(vm.problems());
        problems.setPlaceholder(new Label("No problems"));
        problems.getStyleClass().add("problems");
        problems.setCellFactory(l -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
                setMinWidth(0);
            }

            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.toString());
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (!empty && p != null) getStyleClass().add(p.error() ? "problem-error" : "problem-warning");
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.node() != null) vm.selection().setAll(p.node());
        });
        Label ph = new Label("Problems");
        ph.getStyleClass().add("section-title");
        VBox probBox = new VBox(4, ph, problems);
        VBox.setVgrow(problems, javafx.scene.layout.Priority.ALWAYS);
        SplitPane right = new SplitPane(properties, probBox);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.68);
        ghost.getStyleClass().add("drag-ghost");
        ghost.setVisible(false);
        ghost.setManaged(false);
        ghost.setMouseTransparent(true);
        refusal.getStyleClass().add("wire-refusal");
        refusal.setId("wire-refusal");
        refusal.setVisible(false);
        refusal.setManaged(false);
        refusal.setMouseTransparent(true);
        refusalTimer.setOnFinished(e -> refusal.setVisible(false));
        canvas.setOnRefusal(this::refused);
        properties.setOnLeave(canvas::focusNode);
        canvas.setOnEdit(n -> {
            vm.selection().setAll(n);
            properties.focusFirst();
        });
        StackPane center = new StackPane(canvas, zoomBar());
        vm.loadsProperty().addListener(o -> javafx.application.Platform.runLater(canvas::fit));
        canvas.widthProperty().addListener((o, a, b) -> {
            if (a.doubleValue() < 10 && b.doubleValue() >= 10) javafx.application.Platform.runLater(canvas::fit);
        });
        SplitPane split = new SplitPane(palette, center, right);
        palette.setMinWidth(262);
        right.setMinWidth(400);
        split.setDividerPositions(0.18, 0.715);
        SplitPane.setResizableWithParent(palette, false);
        setCenter(split);
        getChildren().addAll(ghost, refusal);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.deleteSelection();
                e.consume();
            }
        });
    }

    /** Shows why a wire is refused beside the cursor (scene point), for a few seconds; null hides it. */
    private void refused(String why, Point2D at) {
        if (why == null) {
            refusal.setVisible(false);
            return;
        }
        Point2D p = sceneToLocal(at);
        refusal.setText(why);
        refusal.autosize();
        refusal.relocate(Math.min(p.getX() + 14, getWidth() - refusal.getWidth() - 4), p.getY() + 16);
        refusal.setVisible(true);
        refusalTimer.playFromStart();
    }

    /** The message beside the cursor that says why a wire was refused (hidden when none). */
    public Label refusal() {
        return refusal;
    }

    private javafx.scene.Node zoomBar() {
        javafx.scene.control.Button in = small("mdi2m-magnify-plus-outline", "Zoom in", () -> canvas.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        javafx.scene.control.Button out = small("mdi2m-magnify-minus-outline", "Zoom out", () -> canvas.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2));
        javafx.scene.control.Button fit = small("mdi2f-fit-to-page-outline", "Fit the pipeline in view", canvas::fit);
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(4, in, out, fit);
        bar.setPickOnBounds(false);
        bar.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        StackPane.setAlignment(bar, javafx.geometry.Pos.TOP_RIGHT);
        StackPane.setMargin(bar, new javafx.geometry.Insets(8));
        return bar;
    }

    private static javafx.scene.control.Button small(String icon, String tip, Runnable r) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(null, new org.kordamp.ikonli.javafx.FontIcon(icon));
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setOnAction(e -> r.run());
        return b;
    }

    private void dropNode(NodeKind kind, String plugin, double sx, double sy) {
        Point2D g;
        if (Double.isNaN(sx)) {
            add(kind, plugin);
            return;
        } else {
            Point2D local = canvas.sceneToLocal(sx, sy);
            if (local.getX() < 0 || local.getY() < 0 || local.getX() > canvas.getWidth() || local.getY() > canvas.getHeight()) return;
            g = canvas.toGraph(sx, sy);
            GraphNode under = nodeAt(g);
            if (under != null && under.kind == kind && plugin != null) {
                vm.swapPlugin(under, plugin);
                vm.selection().setAll(under);
                canvas.focusNode(under);
                return;
            }
        }
        GraphNode n = addNode(kind, plugin, g.getX() - NodeView.WIDTH / 2, g.getY() - 20);
        vm.selection().setAll(n);
        canvas.focusNode(n);
    }

    /** Adds a node near graph point (x, y), moved down until it overlaps no other card. */
    private GraphNode addNode(NodeKind kind, String plugin, double x, double y) {
        double yy = y;
        for (int i = 0; i < 20 && nodeAt(new Point2D(x + 10, yy + 10)) != null; i++) yy += 70;
        return vm.addNode(kind, plugin, x, yy);
    }

    /** The node whose card covers graph point {@code g}, or null. */
    private GraphNode nodeAt(Point2D g) {
        for (GraphNode n : vm.graph().nodes) {
            double h = NodeView.HEADER + n.kind.ports().size() * NodeView.ROW + 10;
            if (g.getX() >= n.x.get() && g.getX() <= n.x.get() + NodeView.WIDTH && g.getY() >= n.y.get() && g.getY() <= n.y.get() + h) return n;
        }
        return null;
    }

    /** Adds a node of this kind and plugin in the middle of the view, selected and focused (the command palette's "add"). */
    public GraphNode add(NodeKind kind, String plugin) {
        Point2D c = canvas.localToScene(canvas.getWidth() / 2, canvas.getHeight() / 2);
        Point2D g = canvas.toGraph(c.getX(), c.getY());
        GraphNode n = addNode(kind, plugin, g.getX() - NodeView.WIDTH / 2, g.getY() - 20);
        vm.selection().setAll(n);
        canvas.focusNode(n);
        return n;
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public PaletteView palette() {
        return palette;
    }

    public PropertiesView properties() {
        return properties;
    }

    public ListView<Problem> problems() {
        return problems;
    }
}
