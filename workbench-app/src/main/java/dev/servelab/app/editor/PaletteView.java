package dev.servelab.app.editor;

import dev.servelab.engine.plugin.PluginDescriptor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The node palette, generated from the plugin registry: one section per node kind, one entry per
 * plugin (a third party's jar on the class path shows up here with no code change). Drag an entry
 * onto the canvas, or double-click it.
 */
public final class PaletteView extends ScrollPane {
    /** Receives a finished palette drag (scene coordinates) or a double-click (NaN coordinates). */
    public interface DropTarget {
        void drop(NodeKind kind, String plugin, double sceneX, double sceneY);

        void dragging(String label, double sceneX, double sceneY);
    }

    private final VBox box = new VBox(4);

    public PaletteView(SettingsCatalog catalog, DropTarget target) {
        getStyleClass().add("palette");
        setFitToWidth(true);
        setContent(box);
        for (NodeKind k : NodeKind.values()) {
            VBox entries = new VBox(2);
            if (k.pluginKinds().isEmpty()) {
                entries.getChildren().add(entry(k, null, k.title(), builtinSummary(k), target));
            } else {
                for (PluginDescriptor d : catalog.palette(k)) {
                    entries.getChildren().add(entry(k, d.id(), d.id(), d.summary() + (d.source().isEmpty() ? "" : "\n(" + d.source() + ")"), target));
                }
            }
            TitledPane tp = new TitledPane(k.title(), entries);
            tp.setGraphic(new FontIcon(k.icon()));
            tp.getStyleClass().add("palette-section");
            box.getChildren().add(tp);
        }
    }

    /** Scrolls the palette so that {@code entry} is in view. */
    public void reveal(javafx.scene.Node entry) {
        double contentH = box.getHeight(), viewH = getViewportBounds().getHeight();
        if (contentH <= viewH) return;
        double y = box.sceneToLocal(entry.localToScene(0, 0)).getY();
        setVvalue(Math.max(0, Math.min(1, (y - viewH / 2) / (contentH - viewH))));
    }

    private static String builtinSummary(NodeKind k) {
        return k == NodeKind.POOL ? "Identical replicas: model, hardware, batch limits and KV cache; wire a scheduler, eviction policy and executor into it"
                : "Collects completed requests: SLOs for goodput and what the run store records";
    }

    private static Label entry(NodeKind k, String plugin, String text, String summary, DropTarget target) {
        Label l = new Label(text, new FontIcon(k.icon()));
        l.getStyleClass().add("palette-entry");
        l.setId("palette-" + (plugin == null ? k.name().toLowerCase() : plugin).replace('.', '-'));
        l.setMaxWidth(Double.MAX_VALUE);
        l.setTooltip(new Tooltip(summary));
        l.setOnMouseDragged(e -> target.dragging(text, e.getSceneX(), e.getSceneY()));
        l.setOnMouseReleased(e -> {
            if (e.isStillSincePress()) return;
            target.drop(k, plugin, e.getSceneX(), e.getSceneY());
        });
        l.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) target.drop(k, plugin, Double.NaN, Double.NaN);
        });
        return l;
    }
}
