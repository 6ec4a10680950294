package dev.servelab.hw.perf.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.hw.perf.catalog.CatalogException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a profile in JSON lines, the format of {@code shared/profiles/README.md}: one object per
 * line; {@code "kind": "ceiling"} lines give {@code gemm_*} ({@code tflops}) and
 * {@code d2d_copy} ({@code gbps}, reads plus writes); {@code "kind": "op"} lines give
 * {@code op}, {@code model}, the shape ({@code tokens}, or {@code batch} and {@code context} for
 * {@code attn_decode}), {@code ms}, and optionally {@code flops} and {@code kv_bytes}. A line
 * without {@code kind} is an op. Blank lines and lines starting with {@code #} are skipped.
 * Errors name the file and line.
 */
public final class ProfileReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileReader() {}

    public static Profile read(Path file) {
        List<ProfilePoint> points = new ArrayList<>();
        double gemm = Double.NaN;
        double copy = Double.NaN;
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                JsonNode n = parse(file, line, text);
                String kind = n.path("kind").asText("op");
                String op = need(file, line, n, "op").asText();
                if (kind.equals("ceiling")) {
                    if (op.startsWith("gemm")) {
                        gemm = number(file, line, n, "tflops") * 1e12;
                    } else if (op.contains("copy")) {
                        copy = number(file, line, n, "gbps") * 1e9;
                    }
                } else if (kind.equals("op")) {
                    points.add(point(file, line, n, op));
                } else {
                    throw new CatalogException(file + ":" + line + ": field kind must be 'op' or 'ceiling', got '" + kind + "'");
                }
            }
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read profile: " + e.getMessage(), e);
        }
        if (points.isEmpty()) {
            throw new CatalogException(file + ": no operator lines (kind: op) in the profile");
        }
        return new Profile(file.toString(), points, gemm, copy);
    }

    private static ProfilePoint point(Path file, int line, JsonNode n, String op) {
        double ms = number(file, line, n, "ms");
        if (!(ms > 0)) {
            throw new CatalogException(file + ":" + line + ": field ms must be > 0, got " + ms);
        }
        boolean decode = n.has("batch");
        int tokens = decode ? 0 : (int) number(file, line, n, "tokens");
        int batch = decode ? (int) number(file, line, n, "batch") : 0;
        int context = decode ? (int) number(file, line, n, "context") : (int) n.path("context").asDouble(0);
        return new ProfilePoint(op, n.path("model").asText(""), tokens, batch, context, ms,
                n.has("flops") ? number(file, line, n, "flops") : Double.NaN,
                n.has("kv_bytes") ? number(file, line, n, "kv_bytes") : Double.NaN, line);
    }

    private static JsonNode parse(Path file, int line, String text) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) {
                throw new CatalogException(file + ":" + line + ": expected one JSON object per line");
            }
            return n;
        } catch (IOException e) {
            throw new CatalogException(file + ":" + line + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static JsonNode need(Path file, int line, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new CatalogException(file + ":" + line + ": missing field " + field);
        }
        return v;
    }

    private static double number(Path file, int line, JsonNode n, String field) {
        JsonNode v = need(file, line, n, field);
        if (!v.isNumber()) {
            throw new CatalogException(file + ":" + line + ": field " + field + " must be a number, got " + v);
        }
        return v.asDouble();
    }
}
