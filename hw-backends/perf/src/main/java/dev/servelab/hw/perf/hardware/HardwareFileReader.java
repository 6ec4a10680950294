package dev.servelab.hw.perf.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.OperatorClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one hardware file (YAML or JSON). Field names carry their units: {@code memory_gib}
 * (2^30 bytes), {@code memory_bandwidth_gb_per_s} (10^9 bytes/s), {@code *_dense_tflops}
 * (10^12 FLOP/s, dense), {@code bandwidth_gb_per_s} and {@code latency_us} for links,
 * {@code tdp_watts}, {@code price_usd_per_hour} (the older name {@code hourly_cost_usd} is still read). See {@code docs/howto/add-hardware.md}.
 * Every error names the file and the field.
 */
public final class HardwareFileReader {
    static final double GIB = 1024.0 * 1024 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private HardwareFileReader() {}

    /** Reads a catalog entry: the file's {@code id} field, when present, must equal {@code id} (its name). */
    public static HardwareSpec read(String id, Path file) {
        return parse(id, new Fields(file.toString(), tree(file)));
    }

    /** Reads a hardware file from anywhere: the id is its {@code id} field, or else its name. */
    public static HardwareSpec readAnywhere(Path file) {
        JsonNode root = tree(file);
        String name = file.getFileName().toString().replaceFirst("\\.(yaml|yml|json)$", "");
        return parse(root.path("id").asText(name), new Fields(file.toString(), root));
    }

    private static JsonNode tree(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CatalogException(file + ": not readable YAML/JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException(file + ": expected a mapping of fields (see docs/howto/add-hardware.md)");
        }
        return root;
    }

    static HardwareSpec parse(String id, Fields f) {
        String declared = f.text("id", id);
        if (!declared.equals(id)) {
            throw new CatalogException(f.where() + ": field id is '" + declared + "' but the file is named '" + id + "'");
        }
        double bf16 = f.positive("bf16_dense_tflops") * 1e12;
        return new HardwareSpec(
                id,
                f.text("name", id),
                f.text("kind", "gpu"),
                f.positive("memory_gib") * GIB,
                f.positive("memory_bandwidth_gb_per_s") * 1e9,
                bf16,
                f.optionalNonNegative("fp16_dense_tflops", bf16 / 1e12) * 1e12,
                f.optionalNonNegative("fp8_dense_tflops", 0) * 1e12,
                link(f.child("scale_up")),
                link(f.child("scale_out")),
                (int) f.optionalNonNegative("devices_per_node", 1),
                f.positive("tdp_watts"),
                f.optionalNonNegative("idle_watts", 0),
                f.optionalNonNegative("price_usd_per_hour", f.optionalNonNegative("hourly_cost_usd", 0)),
                f.texts("sources"),
                f.text("notes", ""),
                f.has("calibration") ? calibration(f.child("calibration")) : null);
    }

    private static LinkSpec link(Fields f) {
        return new LinkSpec(f.text("name", f.path()), f.positive("bandwidth_gb_per_s") * 1e9,
                f.nonNegative("latency_us") * 1e3);
    }

    private static Calibration calibration(Fields f) {
        Fields ops = f.child("operators");
        Map<OperatorClass, Efficiency> m = new EnumMap<>(OperatorClass.class);
        for (OperatorClass c : OperatorClass.values()) {
            Fields e = ops.child(c.key());
            m.put(c, new Efficiency(e.nonNegative("launch_us") * 1e3, e.positive("compute_eff"),
                    e.nonNegative("compute_half_gflop") * 1e9, e.positive("memory_eff"),
                    e.nonNegative("memory_half_mb") * 1e6));
        }
        double fraction = f.optionalNonNegative("prefill_square_fraction", 0.5);
        if (fraction < 0.5 || fraction > 1) {
            throw new CatalogException(f.where() + ": field calibration.prefill_square_fraction must be in [0.5, 1], got " + fraction);
        }
        return new Calibration(f.text("source", "unknown"), f.positive("bf16_tflops") * 1e12,
                f.positive("memory_bandwidth_gb_per_s") * 1e9, m, fraction,
                f.has("scale_up") ? link(f.child("scale_up")) : null,
                !"false".equalsIgnoreCase(f.text("launch_included", "true")));
    }

    /** A mapping node with the file name and the dotted path of the node, for error messages. */
    record Fields(String file, String path, JsonNode node) {
        Fields(String file, JsonNode node) {
            this(file, "", node);
        }

        String where() {
            return file;
        }

        private String name(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        boolean has(String field) {
            return node.hasNonNull(field);
        }

        Fields child(String field) {
            JsonNode n = node.get(field);
            if (n == null || !n.isObject()) {
                throw new CatalogException(file + ": missing mapping " + name(field));
            }
            return new Fields(file, name(field), n);
        }

        String text(String field, String fallback) {
            JsonNode n = node.get(field);
            return n == null || n.isNull() ? fallback : n.asText();
        }

        List<String> texts(String field) {
            JsonNode n = node.get(field);
            if (n == null || !n.isArray() || n.isEmpty()) {
                throw new CatalogException(file + ": field " + name(field) + " must list at least one source");
            }
            List<String> out = new ArrayList<>();
            n.forEach(x -> out.add(x.asText()));
            return out;
        }

        double positive(String field) {
            double v = number(field);
            if (!(v > 0)) {
                throw new CatalogException(file + ": field " + name(field) + " must be > 0, got " + v);
            }
            return v;
        }

        double nonNegative(String field) {
            double v = number(field);
            if (!(v >= 0)) {
                throw new CatalogException(file + ": field " + name(field) + " must be >= 0, got " + v);
            }
            return v;
        }

        double optionalNonNegative(String field, double fallback) {
            return has(field) ? nonNegative(field) : fallback;
        }

        private double number(String field) {
            JsonNode n = node.get(field);
            if (n == null || n.isNull()) {
                throw new CatalogException(file + ": missing field " + name(field));
            }
            if (n.isNumber()) {
                return n.asDouble();
            }
            try {
                return Double.parseDouble(n.asText().trim());
            } catch (NumberFormatException e) {
                throw new CatalogException(file + ": field " + name(field) + " must be a number, got '" + n.asText() + "'");
            }
        }
    }
}
