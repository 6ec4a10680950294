package dev.servelab.app.editor;

import dev.servelab.engine.pipeline.BuiltinFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.plugin.SettingInfo;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

import java.util.Locale;
import java.util.Optional;

/**
 * One row of the property sheet, generated from a {@link SettingInfo}: shows the explicit value or the
 * default, and turns what is typed into a pipeline value (a YAML scalar or flow mapping) through the
 * editor's undoable {@code setSetting}. Blank resets to the default.
 */
public final class SettingItem implements PropertySheet.Item {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper SNAKE = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private final EditorViewModel vm;
    private final GraphNode node;
    private final SettingInfo info;
    private final String category;

    public SettingItem(EditorViewModel vm, GraphNode node, SettingInfo info, String category) {
        this.vm = vm;
        this.node = node;
        this.info = info;
        this.category = category;
    }

    public SettingInfo info() {
        return info;
    }

    /** The node this row edits, or null for the pipeline's own fields. */
    GraphNode node() {
        return node;
    }

    /** Which editor the row gets. */
    enum Editor { TEXT, BOOLEAN, PLUGIN, TRACE_FILE, MODEL, HARDWARE, LENGTH, SPECULATIVE_METHOD }

    Editor editor() {
        if (getType() == Boolean.class) return Editor.BOOLEAN;
        if (node == null) return Editor.TEXT;
        if (node.kind == NodeKind.POOL && info.name().equals("model")) return Editor.MODEL;
        if (node.kind == NodeKind.POOL && info.name().equals("hardware")) return Editor.HARDWARE;
        if (node.kind == NodeKind.POOL && info.name().equals(BuiltinFields.SPECULATIVE_METHOD)) return Editor.SPECULATIVE_METHOD;
        if (node.kind == NodeKind.WORKLOAD && info == dev.servelab.engine.workload.WorkloadFactory.FILE) return Editor.TRACE_FILE;
        if (info.type() == dev.servelab.engine.workload.LengthSpec.class) return Editor.LENGTH;
        return Editor.TEXT;
    }

    @Override
    public Class<?> getType() {
        return Validator.box(info.type()) == Boolean.class ? Boolean.class : String.class;
    }

    @Override
    public String getCategory() {
        if (node != null && node.kind == NodeKind.WORKLOAD && node.plugin.get() != null && node.plugin.get().startsWith("trace.")) {
            switch (info.name()) {
                case "file": return "file";
                case "window_start_s", "window_end_s": return "time_window";
                case "replay", "rate_scale", "limit": return "transformations";
                default: break;
            }
        }
        int dot = info.name().indexOf('.');
        return dot > 0 ? info.name().substring(0, dot) : category;
    }

    @Override
    public String getName() {
        return info.name();
    }

    @Override
    public String getDescription() {
        StringBuilder sb = new StringBuilder(info.summary());
        if (!info.unit().isEmpty()) sb.append(" (").append(info.unit()).append(")");
        if (Double.isFinite(info.min()) || (Double.isFinite(info.max()) && info.max() < Double.MAX_VALUE)) {
            sb.append(String.format(Locale.ROOT, "\nrange: %s … %s", num(info.min()), num(info.max())));
        }
        sb.append("\ndefault: ").append(defaultText());
        return sb.toString();
    }

    private static String num(double d) {
        if (!Double.isFinite(d) || d >= Double.MAX_VALUE || d >= Integer.MAX_VALUE) return d < 0 ? "-∞" : "∞";
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public boolean isExplicit() {
        return settings().containsKey(info.name());
    }

    private java.util.Map<String, JsonNode> settings() {
        return node == null ? vm.graph().fields : node.settings;
    }

    @Override
    public Object getValue() {
        JsonNode v = settings().get(info.name());
        if (getType() == Boolean.class) return v != null ? v.asBoolean() : Boolean.TRUE.equals(info.defaultValue());
        return v == null ? defaultText() : flow(v);
    }

    String defaultText() {
        Object d = info.defaultValue();
        if (d == null) return "";
        if (d instanceof Record) return flow(SNAKE.valueToTree(d));
        return String.valueOf(d);
    }

    /** A value as a YAML flow scalar or mapping: {@code {dist: lognormal, mean: 1150}}. */
    static String flow(JsonNode v) {
        if (v.isTextual()) return v.asText();
        if (v.isObject()) {
            java.util.StringJoiner j = new java.util.StringJoiner(", ", "{", "}");
            v.properties().forEach(e -> j.add(e.getKey() + ": " + flow(e.getValue())));
            return j.toString();
        }
        if (v.isArray()) {
            java.util.StringJoiner j = new java.util.StringJoiner(", ", "[", "]");
            v.forEach(e -> j.add(flow(e)));
            return j.toString();
        }
        return v.toString();
    }

    @Override
    public void setValue(Object value) {
        vm.setSetting(node, info.name(), parse(value));
    }

    /** The pipeline value for what was typed: null (default) when blank or equal to the default. */
    JsonNode parse(Object value) {
        if (value instanceof Boolean b) return b.equals(info.defaultValue()) && !isExplicit() ? null : com.fasterxml.jackson.databind.node.BooleanNode.valueOf(b);
        String s = value == null ? "" : value.toString().trim();
        if (s.isEmpty() || (!isExplicit() && s.equals(defaultText()))) return null;
        if (info.type() == String.class) return TextNode.valueOf(s);
        try {
            JsonNode n = YAML.readTree(s);
            return n == null ? TextNode.valueOf(s) : n;
        } catch (Exception e) {
            return TextNode.valueOf(s);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
