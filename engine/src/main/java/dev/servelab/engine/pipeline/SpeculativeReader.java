package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.spi.SpeculativeDecoding.Method;

import java.util.Arrays;
import java.util.List;

/**
 * Reads a pool's {@code speculative} mapping:
 * {@code {method: draft-model|eagle|ngram|mtp, num_speculative_tokens: k,
 * acceptance: {rate: α} | {per_position: [a1..ak]}, draft_model: id}}; every error names the field.
 */
final class SpeculativeReader {
    private SpeculativeReader() {
    }

    /** The setting, or null when {@code node} is absent. */
    static SpeculativeDecoding read(JsonNode node, String path) {
        if (node == null) return null;
        NodeReader r = new NodeReader(node, path);
        String methodText = r.string("method", null);
        if (methodText == null) throw new ServeLabException(r.path("method") + ": required (draft-model, eagle, ngram or mtp)");
        Method method = Method.of(methodText);
        if (method == null) {
            throw new ServeLabException(r.path("method") + ": unknown method '" + methodText
                    + "' (known: " + String.join(", ", Arrays.stream(Method.values()).map(Method::id).toList()) + ")");
        }
        int k = (int) r.integer("num_speculative_tokens", 3, 1, 64);
        double[] acceptance = acceptance(r.raw("acceptance"), r.path("acceptance"), k);
        String draft = r.string("draft_model", null);
        if (method == Method.DRAFT_MODEL && (draft == null || draft.isBlank())) {
            throw new ServeLabException(r.path("draft_model") + ": required for method draft-model (a model catalog id)");
        }
        if (method != Method.DRAFT_MODEL && draft != null) {
            throw new ServeLabException(r.path("draft_model") + ": only method draft-model has a draft model");
        }
        r.rejectUnknown();
        return new SpeculativeDecoding(method, k, acceptance, draft);
    }

    private static double[] acceptance(JsonNode node, String path, int k) {
        if (node == null) throw new ServeLabException(path + ": required ({rate: α} or {per_position: [a1..ak]})");
        NodeReader r = new NodeReader(node, path);
        Double rate = r.optionalNumber("rate", 0, 1);
        List<JsonNode> perPosition = r.list("per_position");
        r.rejectUnknown();
        if ((rate == null) == perPosition.isEmpty()) {
            throw new ServeLabException(path + ": give exactly one of rate or per_position");
        }
        if (rate != null) return SpeculativeDecoding.constantRate(k, rate);
        String listPath = r.path("per_position");
        if (perPosition.size() != k) {
            throw new ServeLabException(listPath + ": " + perPosition.size() + " rates for num_speculative_tokens " + k
                    + " (one per position)");
        }
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
