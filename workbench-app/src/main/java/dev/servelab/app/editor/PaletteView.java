package dev.servelab.app.editor;

import dev.servelab.engine.plugin.PluginDescriptor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The node palette, generated from the plugin registry: a search box, then one section per node kind,
 * one entry per plugin (a third party's jar on the class path shows up here with no code change). Drag
 * an entry onto the canvas (onto a node of its kind to swap that node's plugin), double-click it, or
 * press Enter on it. Typing in the search box filters the entries; Enter there adds the first match,
 * Down moves to it. Enter on a section header moves into the section instead of collapsing it.
 */
public final class PaletteView extends BorderPane {
    /** Receives a finished palette drag (scene coordinates) or a double-click / Enter (NaN coordinates). */
    public interface DropTarget {
        void drop(NodeKind kind, String plugin, double sceneX, double sceneY);

        void dragging(String label, double sceneX, double sceneY);
    }

    private final VBox box = new VBox(4);
    private final ScrollPane scroll = new ScrollPane(box);
    private final TextField search = new TextField();
    private final List<TitledPane> sections = new ArrayList<>();
    private final DropTarget target;

    public PaletteView(SettingsCatalog catalog, DropTarget target) {
        this.target = target;
        getStyleClass().add("palette");
        scroll.setFitToWidth(true);
        search.setPromptText("Search plugins");
        search.setId("palette-search");
        search.getStyleClass().add("palette-search");
        search.textProperty().addListener((o, a, t) -> filter(t));
        search.setOnKeyPressed(this::searchKey);
        setTop(search);
        BorderPane.setMargin(search, new javafx.geometry.Insets(6, 6, 4, 6));
        setCenter(scroll);
        for (NodeKind k : NodeKind.values()) {
            VBox entries = new VBox(2);
            if (k.pluginKinds().isEmpty()) {
                entries.getChildren().add(entry(k, null, k.title(), builtinSummary(k)));
            } else {
                for (PluginDescriptor d : catalog.palette(k)) {
                    entries.getChildren().add(entry(k, d.id(), d.id(), d.summary() + (d.source().isEmpty() ? "" : "\n(" + d.source() + ")")));
                }
            }
            TitledPane tp = new TitledPane(k.title(), entries);
            tp.setGraphic(new FontIcon(k.icon()));
            tp.getStyleClass().add("palette-section");
            tp.setId("palette-section-" + k.name().toLowerCase(Locale.ROOT));
            tp.addEventFilter(KeyEvent.KEY_PRESSED, e -> headerKey(e, tp));
            sections.add(tp);
            box.getChildren().add(tp);
        }
    }

    /** The search box that filters the entries. */
    public TextField search() {
        return search;
    }

    /** Scrolls the palette so that {@code entry} is in view. */
    public void reveal(Node entry) {
        double contentH = box.getHeight(), viewH = scroll.getViewportBounds().getHeight();
        if (contentH <= viewH) return;
        double y = box.sceneToLocal(entry.localToScene(0, 0)).getY();
        scroll.setVvalue(Math.max(0, Math.min(1, (y - viewH / 2) / (contentH - viewH))));
    }

    /** The entries shown now (all, or those matching the search), in palette order. */
    public List<Label> visibleEntries() {
        List<Label> out = new ArrayList<>();
        for (TitledPane tp : sections) {
            if (!tp.isVisible()) continue;
            for (Node n : ((VBox) tp.getContent()).getChildren()) if (n.isVisible() && n instanceof Label l) out.add(l);
        }
        return out;
    }

    private void filter(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (TitledPane tp : sections) {
            int shown = 0;
            for (Node n : ((VBox) tp.getContent()).getChildren()) {
                Label l = (Label) n;
                boolean match = q.isEmpty() || l.getText().toLowerCase(Locale.ROOT).contains(q)
                        || tp.getText().toLowerCase(Locale.ROOT).contains(q);
                l.setVisible(match);
                l.setManaged(match);
                if (match) shown++;
            }
            tp.setVisible(shown > 0);
            tp.setManaged(shown > 0);
            if (!q.isEmpty() && shown > 0) tp.setExpanded(true);
        }
    }

    private void searchKey(KeyEvent e) {
        List<Label> shown = visibleEntries();
        if (shown.isEmpty()) return;
        if (e.getCode() == KeyCode.ENTER) {
            activate(shown.getFirst());
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN) {
            shown.getFirst().requestFocus();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
            search.clear();
            e.consume();
        }
    }

    /** Enter on a header: into the section (expanding it), never a surprise collapse; Space still toggles. */
    private void headerKey(KeyEvent e, TitledPane tp) {
        if (e.getCode() != KeyCode.ENTER || e.getTarget() != tp) return;
        tp.setExpanded(true);
        ((VBox) tp.getContent()).getChildren().stream().filter(Node::isVisible).findFirst().ifPresent(Node::requestFocus);
        e.consume();
    }

    private void activate(Label entry) {
        Object[] kp = (Object[]) entry.getUserData();
        target.drop((NodeKind) kp[0], (String) kp[1], Double.NaN, Double.NaN);
    }

    private static String builtinSummary(NodeKind k) {
        return k == NodeKind.POOL ? "Identical replicas: model, hardware, batch limits and KV cache; wire a scheduler, eviction policy and executor into it"
                : "Collects completed requests: SLOs for goodput and what the run store records";
    }

    private Label entry(NodeKind k, String plugin, String text, String summary) {
        Label l = new Label(text, new FontIcon(k.icon()));
        l.getStyleClass().add("palette-entry");
        l.setId("palette-" + (plugin == null ? k.name().toLowerCase() : plugin).replace('.', '-'));
        l.setUserData(new Object[]{k, plugin});
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(summary));
        l.setFocusTraversable(true);
        l.setOnMouseDragged(e -> target.dragging(text, e.getSceneX(), e.getSceneY()));
        l.setOnMouseReleased(e -> {
            if (e.isStillSincePress()) return;
            target.drop(k, plugin, e.getSceneX(), e.getSceneY());
        });
        l.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) target.drop(k, plugin, Double.NaN, Double.NaN);
        });
        l.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                activate(l);
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                List<Label> shown = visibleEntries();
                int i = shown.indexOf(l) + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (i >= 0 && i < shown.size()) {
                    shown.get(i).requestFocus();
                    reveal(shown.get(i));
                } else if (i < 0) {
                    search.requestFocus();
                }
                e.consume();
            }
        });
        return l;
    }
}
