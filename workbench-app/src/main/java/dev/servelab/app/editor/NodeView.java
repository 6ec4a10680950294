package dev.servelab.app.editor;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node card: header with icon, title and kind, then one row per port with its connector circle on
 * the left (inputs) or right (outputs). Geometry is fixed so wires can be placed without layout.
 */
public final class NodeView extends VBox {
    public static final double WIDTH = 212;
    public static final double HEADER = 48;
    public static final double ROW = 22;
    public final GraphNode node;
    private final Map<String, Circle> connectors = new HashMap<>();
    private final Label title = new Label();
    private final FontIcon flag = new FontIcon("mdi2a-alert-circle");

    public NodeView(GraphNode node) {
        this.node = node;
        getStyleClass().addAll("node-card", "kind-" + node.kind.name().toLowerCase());
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        layoutXProperty().bind(node.x);
        layoutYProperty().bind(node.y);
        title.getStyleClass().add("node-title");
        Label kind = new Label(node.kind.title());
        Runnable texts = () -> {
            title.setText(node.title());
            title.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("long"), node.title().length() > 20);
            title.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("very-long"), node.title().length() > 25);
            title.setTooltip(new Tooltip(node.title()));
            if (node.kind == NodeKind.POOL) kind.setText("Pool · " + PoolLabel.count(node));
            setAccessibleText(node.kind.title() + " " + node.title());
        };
        texts.run();
        node.plugin.addListener(o -> texts.run());
        node.settings.addListener((javafx.collections.MapChangeListener<String, Object>) c -> texts.run());
        setFocusTraversable(true);
        kind.getStyleClass().add("node-kind");
        flag.getStyleClass().add("node-flag");
        flag.setVisible(false);
        flag.managedProperty().bind(flag.visibleProperty());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox top = new HBox(6, new FontIcon(node.kind.icon()), kind, sp, flag);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(2, top, title);
        header.getStyleClass().add("node-header");
        header.setMinHeight(HEADER);
        header.setPrefHeight(HEADER);
        header.setMaxHeight(HEADER);
        getChildren().add(header);
        for (Port p : node.kind.ports()) getChildren().add(row(p));
    }

    private HBox row(Port p) {
        Circle c = new Circle(6);
        c.getStyleClass().addAll("port", "port-" + p.type().name().toLowerCase());
        c.setUserData(p);
        connectors.put(p.name(), c);
        Label l = new Label(p.name());
        l.getStyleClass().add("port-label");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox row = p.input() ? new HBox(6, c, l, sp) : new HBox(6, sp, l, c);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinHeight(ROW);
        row.setPrefHeight(ROW);
        row.setMaxHeight(ROW);
        row.getStyleClass().add("port-row");
        if (p.input()) c.setTranslateX(-6); else c.setTranslateX(6);
        return row;
    }

    public Circle connector(String port) {
        return connectors.get(port);
    }

    public Map<String, Circle> connectors() {
        return connectors;
    }

    /** The port's centre in the graph's content coordinates. */
    public static double[] portPosition(GraphNode n, String port) {
        List<Port> ports = n.kind.ports();
        int i = 0;
        while (i < ports.size() && !ports.get(i).name().equals(port)) i++;
        boolean input = i < ports.size() && ports.get(i).input();
        return new double[]{n.x.get() + (input ? 0 : WIDTH), n.y.get() + HEADER + 1 + i * ROW + ROW / 2};
    }

    public void setSelected(boolean s) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), s);
    }

    public void setProblems(List<Problem> ps) {
        boolean err = ps.stream().anyMatch(Problem::error);
        flag.setVisible(!ps.isEmpty());
        flag.getStyleClass().setAll("node-flag", err ? "error" : "warning");
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), err);
        Tooltip.install(flag, new Tooltip(String.join("\n", ps.stream().map(Problem::message).toList())));
    }
}
