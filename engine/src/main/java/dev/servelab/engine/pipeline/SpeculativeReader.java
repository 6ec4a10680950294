package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.spi.SpeculativeDecoding.Method;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a pool's {@code speculative} mapping:
 * {@code {method: draft-model|eagle|ngram|mtp, num_speculative_tokens: k,
 * acceptance: {rate: α} | {per_position: [a1..ak]} | {file: measured.json}, draft_model: id}}; every
 * error names the field. The {@code file} form reads the {@code per_position} rates of a measured
 * acceptance file (JSON or YAML, relative to the pipeline file), such as the one the live JVM backend
 * writes ({@code exec.jvm acceptance_out}); its {@code num_speculative_tokens} must be k.
 */
final class SpeculativeReader {
    private SpeculativeReader() {
    }

    /** The setting, or null when {@code node} is absent (an acceptance file is read relative to the working directory). */
    static SpeculativeDecoding read(JsonNode node, String path) {
        return read(node, path, null);
    }

    /** The setting, or null when {@code node} is absent or null; an acceptance file is resolved against {@code baseDir}. */
    static SpeculativeDecoding read(JsonNode node, String path, Path baseDir) {
        if (node == null || node.isNull()) return null;   // --set pools.0.speculative=null turns it off
        NodeReader r = new NodeReader(node, path);
        String methodText = r.string("method", null);
        if (methodText == null) throw new ServeLabException(r.path("method") + ": required (draft-model, eagle, ngram or mtp)");
        Method method = Method.of(methodText);
        if (method == null) {
            throw new ServeLabException(r.path("method") + ": unknown method '" + methodText
                    + "' (known: " + String.join(", ", Arrays.stream(Method.values()).map(Method::id).toList()) + ")");
        }
        int k = (int) r.integer("num_speculative_tokens", 3, 1, 64);
        double[] acceptance = acceptance(r.raw("acceptance"), r.path("acceptance"), k, baseDir);
        String draft = r.string("draft_model", null);
        if (method == Method.DRAFT_MODEL && (draft == null || draft.isBlank())) {
            throw new ServeLabException(r.path("draft_model") + ": required for method draft-model (a model catalog id, or a draft GGUF file for exec.jvm)");
        }
        if (method != Method.DRAFT_MODEL && draft != null) {
            throw new ServeLabException(r.path("draft_model") + ": only method draft-model has a draft model");
        }
        r.rejectUnknown();
        return new SpeculativeDecoding(method, k, acceptance, draft);
    }

    private static double[] acceptance(JsonNode node, String path, int k, Path baseDir) {
        if (node == null) throw new ServeLabException(path + ": required ({rate: α}, {per_position: [a1..ak]} or {file: measured.json})");
        NodeReader r = new NodeReader(node, path);
        Double rate = r.optionalNumber("rate", 0, 1);
        List<JsonNode> perPosition = r.list("per_position");
        String file = r.string("file", null);
        r.rejectUnknown();
        if ((rate != null ? 1 : 0) + (perPosition.isEmpty() ? 0 : 1) + (file != null ? 1 : 0) != 1) {
            throw new ServeLabException(path + ": give exactly one of rate, per_position or file");
        }
        if (file != null) return measured(file, r.path("file"), k, baseDir);
        if (rate != null) return SpeculativeDecoding.constantRate(k, rate);
        String listPath = r.path("per_position");
        if (perPosition.size() != k) {
            throw new ServeLabException(listPath + ": " + perPosition.size() + " rates for num_speculative_tokens " + k
                    + " (one per position)");
        }
        return rates(perPosition, listPath, k);
    }

    /** The per_position rates of a measured acceptance file. */
    private static double[] measured(String file, String path, int k, Path baseDir) {
        Path p = Path.of(file);
        if (!p.isAbsolute() && baseDir != null) p = baseDir.resolve(p);
        JsonNode tree;
        try {
            tree = new ObjectMapper(new YAMLFactory()).readTree(p.toFile());
        } catch (IOException e) {
            throw new ServeLabException(path + ": cannot read " + p + ": " + e.getMessage(), e);
        }
        JsonNode measuredK = tree == null ? null : tree.get("num_speculative_tokens");
        if (measuredK != null && measuredK.asInt() != k) {
            throw new ServeLabException(path + ": " + p + " was measured with num_speculative_tokens " + measuredK.asInt()
                    + ", the pool verifies " + k);
        }
        JsonNode list = tree == null ? null : tree.get("per_position");
        if (list == null || !list.isArray()) throw new ServeLabException(path + ": " + p + " has no per_position list");
        List<JsonNode> rates = new java.util.ArrayList<>();
        list.forEach(rates::add);
        if (rates.size() != k) {
            throw new ServeLabException(path + ": " + p + " has " + rates.size() + " per_position rates for num_speculative_tokens " + k);
        }
        return rates(rates, path + " (" + p + ") per_position", k);
    }

    private static double[] rates(List<JsonNode> perPosition, String listPath, int k) {
        double[] a = new double[k];
        for (int j = 0; j < k; j++) {
            JsonNode v = perPosition.get(j);
            if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
                throw new ServeLabException(listPath + "[" + j + "]: expected a probability in [0, 1], found "
                        + NodeReader.describe(v));
            }
            a[j] = v.asDouble();
        }
        return a;
    }
}
