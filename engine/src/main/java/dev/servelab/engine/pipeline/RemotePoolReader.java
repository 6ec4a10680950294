package dev.servelab.engine.pipeline;

import dev.servelab.engine.ServeLabException;

import java.util.List;

/**
 * Reads a {@code kind: remote} pool: name, replicas, model and hardware labels (for reports), and its
 * {@code endpoint} plugin node (required, e.g. {@code remote.openai}). The device batches internally,
 * so the engine-pool fields are refused by name rather than silently ignored.
 */
final class RemotePoolReader {
    private static final List<String> ENGINE_ONLY = List.of("scheduler", "kv_cache", "executor", "max_num_seqs",
            "max_num_batched_tokens", "tensor_parallel");

    private RemotePoolReader() {
    }

    static PoolSpec read(NodeReader r, String path, int i) {
        for (String key : ENGINE_ONLY) {
            if (r.raw(key) != null) {
                throw new ServeLabException(r.path(key) + ": a remote pool has no " + key
                        + " (its endpoint batches internally); remove it or use 'kind: engine'");
            }
        }
        String name = r.string("name", "pool-" + i);
        int replicas = (int) r.integer("replicas", 1, 1, 10_000);
        String model = r.string("model", "");
        String hardware = r.string("hardware", "remote");
        if (r.raw("endpoint") == null) {
            throw new ServeLabException(r.path("endpoint") + ": a remote pool needs an endpoint node, e.g. "
                    + "{type: remote.openai, url: http://127.0.0.1:8088}");
        }
        NodeSpec endpoint = r.plugin("endpoint", null);
        if (endpoint.type() == null) throw new ServeLabException(endpoint.path() + ".type: missing (e.g. remote.openai)");
        r.rejectUnknown();
        return new PoolSpec(path, name, replicas, model, hardware, 1, Integer.MAX_VALUE, Integer.MAX_VALUE, null, null,
                null, endpoint);
    }
}
