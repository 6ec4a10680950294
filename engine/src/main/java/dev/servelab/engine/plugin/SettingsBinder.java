package dev.servelab.engine.plugin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;

import com.fasterxml.jackson.databind.PropertyNamingStrategies.NamingBase;
import dev.servelab.engine.spi.Setting;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Binds a pipeline node's settings to a plugin's {@code Settings} record: the defaults from the
 * record's no-argument constructor, overlaid with the given keys (snake_case), then range-checked.
 * Every error names the node path and the field; {@link #problems} lists them all without throwing
 * (the workbench's editor shows them as they are worded here).
 */
public final class SettingsBinder {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final NamingBase SNAKE = (NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private SettingsBinder() {
    }

    public static Record defaults(PluginDescriptor d) {
        try {
            return d.settingsType().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(d.id() + ": Settings record needs a public no-argument constructor", e);
        }
    }

    /** Settings as a JSON object with every key, defaults filled in. */
    public static ObjectNode toTree(Record settings) {
        return MAPPER.valueToTree(settings);
    }

    /** The bound settings, or a {@link ServeLabException} with the first of {@link #problems}. */
    public static Record bind(PluginDescriptor d, JsonNode given, String nodePath) {
        List<SettingProblem> problems = new ArrayList<>();
        Record r = attempt(d, given, nodePath, problems);
        if (!problems.isEmpty()) throw new ServeLabException(problems.getFirst().message());
        return r;
    }

    /**
     * Everything wrong with {@code given} as settings of {@code d} at {@code nodePath}, in the order
     * {@link #bind} meets them (so the first is the message a run stops with): unknown keys, a value
     * of the wrong type, values out of range. Empty when the settings bind.
     */
    public static List<SettingProblem> problems(PluginDescriptor d, JsonNode given, String nodePath) {
        List<SettingProblem> problems = new ArrayList<>();
        attempt(d, given, nodePath, problems);
        return problems;
    }

    private static Record attempt(PluginDescriptor d, JsonNode given, String nodePath, List<SettingProblem> problems) {
        ObjectNode tree = toTree(defaults(d));
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                problems.add(new SettingProblem(nodePath, "settings must be a mapping"));
                return null;
            }
            merge(tree, (ObjectNode) given, nodePath, d.id(), problems);
        }
        if (!problems.isEmpty()) return null;
        Record r;
        try {
            r = MAPPER.treeToValue(tree, d.settingsType());
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            problems.add(new SettingProblem(nodePath + where(e), "invalid settings for " + d.id() + ": " + reason(e)));
            return null;
        } catch (Exception e) {
            problems.add(new SettingProblem(nodePath, "invalid settings for " + d.id() + ": " + firstLine(e.getMessage())));
            return null;
        }
        checkRanges(d, r, nodePath, problems);
        return r;
    }

    /** Deep-merges {@code given} into the defaults, reporting keys the defaults do not have. */
    private static void merge(ObjectNode defaults, ObjectNode given, String path, String id, List<SettingProblem> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode d = defaults.get(e.getKey());
            if (d == null && !e.getKey().matches("[A-Za-z0-9_-]+")) {
                problems.add(new SettingProblem(path, "unknown setting '" + e.getKey() + "' of " + id
                        + " (known: " + String.join(", ", names(defaults)) + ")"));
            } else if (d == null) {
                problems.add(new SettingProblem(path + "." + e.getKey(), "unknown setting of " + id
                        + " (known: " + String.join(", ", names(defaults)) + ")"));
            } else if (d.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) d, (ObjectNode) e.getValue(), path + "." + e.getKey(), id, problems);
            } else {
                defaults.set(e.getKey(), e.getValue());
            }
        }
    }

    private static void checkRanges(PluginDescriptor d, Record r, String nodePath, List<SettingProblem> problems) {
        checkRanges(r, nodePath, problems, 0);
    }

    /**
     * Range-checks every {@link Setting}-annotated number of {@code r}, and of the records (and lists
     * of records) nested in it, so {@code output: {dist: fixed, mean: 0}} fails at
     * {@code workload.output.mean} instead of deep inside the run.
     */
    private static void checkRanges(Record r, String path, List<SettingProblem> problems, int depth) {
        if (depth > 8) return;
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            Object v = value(rc, r);
            String at = path + "." + SNAKE.translate(rc.getName());
            Setting s = rc.getAnnotation(Setting.class);
            if (v instanceof Number n && s != null) {
                double x = n.doubleValue();
                if (x < s.min() || x > s.max() || Double.isNaN(x)) {
                    problems.add(new SettingProblem(at, fmt(x) + " is out of range ["
                            + fmt(s.min()) + ", " + fmt(s.max()) + "]" + (s.unit().isEmpty() ? "" : " " + s.unit())));
                }
            } else if (v instanceof Record nested) {
                checkRanges(nested, at, problems, depth + 1);
            } else if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof Record item) checkRanges(item, at + "[" + i + "]", problems, depth + 1);
                }
            }
        }
    }

    private static Object value(RecordComponent rc, Record r) {
        try {
            java.lang.reflect.Method accessor = rc.getAccessor();
            if (!accessor.canAccess(r)) accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String fmt(double d) {
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The path inside the settings where binding failed, e.g. {@code .tenants[2].output}. */
    private static String where(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) b.append('.').append(ref.getFieldName());
            else if (ref.getIndex() >= 0) b.append('[').append(ref.getIndex()).append(']');
        }
        return b.toString();
    }

    /** Why binding failed, in one line: a record constructor's own message, else Jackson's without its hints. */
    private static String reason(com.fasterxml.jackson.databind.JsonMappingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ServeLabException || cause instanceof IllegalArgumentException) return firstLine(cause.getMessage());
        String m = firstLine(e.getOriginalMessage());
        int hint = m.indexOf(" (but could if");
        return hint < 0 ? m : m.substring(0, hint);
    }

    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
