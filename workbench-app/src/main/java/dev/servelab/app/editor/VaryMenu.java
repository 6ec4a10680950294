package dev.servelab.app.editor;

import dev.servelab.engine.plugin.SettingInfo;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.model.ModelCatalog;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import org.controlsfx.control.PropertySheet;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The property sheet's "Vary" entry: on a numeric or choice row (a number, a switch, a plugin, a model
 * or hardware id) the editor's context menu gets "Vary PATH in the experiment", which hands a
 * {@link VaryRequest} — the row's dotted path and values around the current one (half, same, double;
 * the current choice and the default plugin, or the next catalog id) — to whoever listens (the Experiments tab). Text fields keep
 * Cut / Copy / Paste / Select all above it.
 */
final class VaryMenu {
    private VaryMenu() {
    }

    /** Adds the entry to {@code editor}'s context menu when {@code item} can be varied. */
    static void install(PropertySheet.Item item, Node editor, EditorViewModel vm, Consumer<VaryRequest> onVary) {
        if (!(editor instanceof Control control)) return;
        MenuItem vary = new MenuItem();
        vary.setMnemonicParsing(false);   // field paths contain underscores (max_num_seqs)
        vary.setGraphic(new FontIcon("mdi2f-flask-outline"));
        vary.getStyleClass().add("vary-item");
        ContextMenu menu = new ContextMenu();
        Control textTarget = editor instanceof ComboBox<?> box && box.isEditable() ? box.getEditor()
                : editor instanceof TextInputControl t ? t : null;
        if (textTarget instanceof TextInputControl t) menu.getItems().addAll(textItems(t));
        menu.getItems().add(vary);
        menu.setOnShowing(e -> {
            VaryRequest r = request(item, vm);
            vary.setVisible(r != null);
            vary.setText(r == null ? "Vary" : "Vary " + r.path() + " in the experiment");
            vary.setOnAction(a -> {
                VaryRequest now = request(item, vm);
                if (now != null) onVary.accept(now);
            });
        });
        control.setContextMenu(menu);
        if (textTarget != null && textTarget != control) textTarget.setContextMenu(menu);
    }

    private static List<MenuItem> textItems(TextInputControl t) {
        MenuItem cut = new MenuItem("Cut");
        cut.setOnAction(e -> t.cut());
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> t.copy());
        MenuItem paste = new MenuItem("Paste");
        paste.setOnAction(e -> t.paste());
        MenuItem all = new MenuItem("Select all");
        all.setOnAction(e -> t.selectAll());
        return List.of(cut, copy, paste, all, new SeparatorMenuItem());
    }

    /** What varying this row means, or null when it is not a number or a choice (names, files, distributions). */
    static VaryRequest request(PropertySheet.Item item, EditorViewModel vm) {
        if (item instanceof PluginItem p) {
            String path = nodePath(vm, p.node());
            if (path == null) return null;
            List<String> ids = new ArrayList<>();
            String usual = usual(p.node().kind);
            if (usual != null) ids.add(usual);
            ids.addAll(vm.catalog().ids(p.node().kind));
            return new VaryRequest(path, choices(String.valueOf(p.getValue()), ids));
        }
        if (!(item instanceof SettingItem s)) return null;
        String prefix = s.node() == null ? "" : nodePath(vm, s.node());
        if (prefix == null) return null;
        String path = prefix.isEmpty() || s.node().kind == NodeKind.SINK ? s.info().name() : prefix + "." + s.info().name();
        SettingInfo info = s.info();
        Class<?> type = Validator.box(info.type());
        String current = String.valueOf(s.getValue()).strip();
        if (type == Boolean.class) return new VaryRequest(path, List.of("true", "false"));
        if (s.editor() == SettingItem.Editor.HARDWARE) return new VaryRequest(path, choices(current, List.copyOf(HardwareCatalog.standard().ids())));
        if (s.editor() == SettingItem.Editor.MODEL) return new VaryRequest(path, choices(current, List.copyOf(ModelCatalog.standard().ids())));
        if (type == Integer.class || type == Long.class) return new VaryRequest(path, integers(current, info));
        if (type == Double.class || type == Float.class) return new VaryRequest(path, decimals(current, info));
        return null;
    }

    /** The node's place in the pipeline file as a dotted prefix ({@code pools.0.scheduler}); "" for the sink; null when unwired. */
    private static String nodePath(EditorViewModel vm, GraphNode n) {
        for (Map.Entry<String, GraphNode> e : GraphCodec.paths(vm.graph()).entrySet()) {
            if (e.getValue() == n) return n.kind == NodeKind.SINK ? "" : e.getKey().replaceAll("\\[(\\d+)]", ".$1");
        }
        return null;
    }

    /** The loader's default plugin of a node kind: the natural second value (it needs no settings). */
    private static String usual(NodeKind kind) {
        return switch (kind) {
            case WORKLOAD -> dev.servelab.engine.pipeline.PipelineLoader.DEFAULT_WORKLOAD;
            case ADMISSION -> dev.servelab.engine.pipeline.PipelineLoader.DEFAULT_ADMISSION;
            case ROUTER -> dev.servelab.engine.pipeline.PipelineLoader.DEFAULT_ROUTER;
            case SCHEDULER -> dev.servelab.engine.pipeline.PipelineLoader.DEFAULT_SCHEDULER;
            case EVICTION -> dev.servelab.engine.pipeline.PipelineLoader.DEFAULT_EVICTION;
            case EXECUTOR -> dev.servelab.engine.pipeline.PipelineLoader.DEFAULT_EXECUTOR;
            default -> null;
        };
    }

    private static List<String> choices(String current, List<String> all) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (!current.isBlank()) out.add(current);
        for (String c : all) {
            if (out.size() >= 2) break;
            out.add(c);
        }
        return new ArrayList<>(out);
    }

    private static List<String> integers(String current, SettingInfo info) {
        long v;
        try {
            v = Long.parseLong(current);
        } catch (NumberFormatException e) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (long x : new long[]{v / 2, v, v == 0 ? 1 : v * 2}) {
            if (x >= info.min() && x <= info.max()) out.add(Long.toString(x));
        }
        return new ArrayList<>(out);
    }

    private static List<String> decimals(String current, SettingInfo info) {
        double v;
        try {
            v = Double.parseDouble(current);
        } catch (NumberFormatException e) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (double x : new double[]{v / 2, v, v * 2}) {
            if (x >= info.min() && x <= info.max()) out.add(String.format(Locale.ROOT, "%s", x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x)));
        }
        return new ArrayList<>(out);
    }
}
