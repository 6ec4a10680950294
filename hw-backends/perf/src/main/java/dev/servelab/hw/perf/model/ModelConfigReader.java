package dev.servelab.hw.perf.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.hw.perf.catalog.CatalogException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Hugging Face {@code config.json} into a {@link ModelSpec}. Understands the Llama,
 * Mistral, Mixtral, Qwen2 and Phi-3 keys: {@code hidden_size}, {@code num_hidden_layers},
 * {@code num_attention_heads}, {@code num_key_value_heads} (default: attention heads),
 * {@code head_dim} (default: hidden / heads), {@code intermediate_size}, {@code vocab_size},
 * {@code num_local_experts} or {@code num_experts}, {@code num_experts_per_tok},
 * {@code tie_word_embeddings}, {@code max_position_embeddings}; and DeepSeek-V2/V3's
 * {@code n_routed_experts}, {@code n_shared_experts}, {@code moe_intermediate_size},
 * {@code first_k_dense_replace}, {@code kv_lora_rank} + {@code qk_rope_head_dim} (latent KV) and
 * {@code v_head_dim}.
 */
public final class ModelConfigReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelConfigReader() {}

    public static ModelSpec read(String id, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CatalogException(file + ": not a readable JSON config.json: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException(file + ": expected a JSON object (a Hugging Face config.json)");
        }
        return parse(id, file.toString(), root);
    }

    static ModelSpec parse(String id, String where, JsonNode root) {
        int hidden = required(root, where, "hidden_size");
        int heads = required(root, where, "num_attention_heads");
        int experts = optional(root, where, "num_local_experts", optional(root, where, "num_experts",
                optional(root, where, "n_routed_experts", 1)));
        int layers = required(root, where, "num_hidden_layers");
        int inter = required(root, where, "intermediate_size");
        int latent = root.has("kv_lora_rank") && !root.get("kv_lora_rank").isNull()
                ? required(root, where, "kv_lora_rank") + optional(root, where, "qk_rope_head_dim", 64) : 0;
        try {
            return new ModelSpec(
                    id,
                    hidden,
                    layers,
                    heads,
                    optional(root, where, "num_key_value_heads", heads),
                    optional(root, where, "head_dim", optional(root, where, "v_head_dim", hidden / heads)),
                    inter,
                    required(root, where, "vocab_size"),
                    experts,
                    optional(root, where, "num_experts_per_tok", 1),
                    root.path("tie_word_embeddings").asBoolean(false),
                    optional(root, where, "max_position_embeddings", 4096),
                    optional(root, where, "moe_intermediate_size", inter),
                    nonNegative(root, where, "n_shared_experts"),
                    experts > 1 ? nonNegative(root, where, "first_k_dense_replace") : 0,
                    latent);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": " + e.getMessage(), e);
        }
    }

    private static int required(JsonNode root, String where, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new CatalogException(where + ": missing field " + field);
        }
        return asPositiveInt(n, where, field);
    }

    private static int optional(JsonNode root, String where, String field, int fallback) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? fallback : asPositiveInt(n, where, field);
    }

    private static int nonNegative(JsonNode root, String where, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return 0;
        }
        if (!n.canConvertToInt() || n.asInt() < 0) {
            throw new CatalogException(where + ": field " + field + " must be a non-negative integer, got " + n);
        }
        return n.asInt();
    }

    private static int asPositiveInt(JsonNode n, String where, String field) {
        if (!n.canConvertToInt() || n.asInt() <= 0) {
            throw new CatalogException(where + ": field " + field + " must be a positive integer, got " + n);
        }
        return n.asInt();
    }
}
