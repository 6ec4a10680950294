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
        StackPane center = new StackPane(canvas, zoomBar());
        vm.loadsProperty().addListener(o -> javafx.application.Platform.runLater(canvas::fit));
        canvas.widthProperty().addListener((o, a, b) -> {
            if (a.doubleValue() < 10 && b.doubleValue() >= 10) javafx.application.Platform.runLater(canvas::fit);
        });
        SplitPane split = new SplitPane(palette, center, right);
        split.setDividerPositions(0.13, 0.73);
        SplitPane.setResizableWithParent(palette, false);
        setCenter(split);
        getChildren().add(ghost);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.deleteSelection();
                e.consume();
            }
        });
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
            Point2D c = canvas.localToScene(canvas.getWidth() / 2, canvas.getHeight() / 2);
            g = canvas.toGraph(c.getX(), c.getY());
        } else {
            Point2D local = canvas.sceneToLocal(sx, sy);
            if (local.getX() < 0 || local.getY() < 0 || local.getX() > canvas.getWidth() || local.getY() > canvas.getHeight()) return;
            g = canvas.toGraph(sx, sy);
        }
        GraphNode n = vm.addNode(kind, plugin, g.getX() - NodeView.WIDTH / 2, g.getY() - 20);
        vm.selection().setAll(n);
        canvas.requestFocus();
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
