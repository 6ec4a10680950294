package dev.servelab.app.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.pipeline.PipelineLoader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A run's configuration as the Runs table and the headline numbers need it, read from its stored
 * {@code pipeline_json} with the engine loader's defaults filled in (the stored tree is what the user
 * wrote): the router and, per pool, hardware, model, replicas, tensor parallelism, scheduler and executor.
 *
 * @param router the router plugin id
 * @param pools  the pools in order
 */
public record RunConfig(String router, List<Pool> pools) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One pool: {@code tp} is its tensor-parallel degree; a remote pool has no hardware (empty). */
    public record Pool(String name, String kind, String hardware, String model, int replicas, int tp, String scheduler,
                       String executor) {
        /** GPUs the pool holds (replicas × TP); 0 for a remote pool, whose hardware is not ours. */
        public int gpus() {
            return "remote".equals(kind) ? 0 : replicas * tp;
        }
    }

    /** The configuration in {@code pipelineJson}; an empty one (no pools) when it does not parse. */
    public static RunConfig of(String pipelineJson) {
        if (pipelineJson == null) return new RunConfig("", List.of());
        try {
            JsonNode root = JSON.readTree(pipelineJson);
            List<Pool> pools = new ArrayList<>();
            int i = 0;
            for (JsonNode p : root.path("pools")) pools.add(pool(p, i++));
            return new RunConfig(plugin(root.get("router"), PipelineLoader.DEFAULT_ROUTER), List.copyOf(pools));
        } catch (IOException e) {
            return new RunConfig("", List.of());
        }
    }

    private static Pool pool(JsonNode p, int i) {
        String kind = p.path("kind").asText("engine");
        return new Pool(p.path("name").asText("pool-" + i), kind, "remote".equals(kind) ? "" : p.path("hardware").asText("h100-sxm"),
                p.path("model").asText("remote".equals(kind) ? "" : "llama-3.1-8b"), Math.max(1, p.path("replicas").asInt(1)),
                Math.max(1, p.path("tensor_parallel").asInt(1)), plugin(p.get("scheduler"), PipelineLoader.DEFAULT_SCHEDULER),
                plugin(p.get("executor"), "remote".equals(kind) ? "" : PipelineLoader.DEFAULT_EXECUTOR));
    }

    /** A plugin node's id: a plain string, or an object's {@code type}. */
    private static String plugin(JsonNode n, String dflt) {
        if (n == null || n.isNull()) return dflt;
        return n.isTextual() ? n.asText() : n.path("type").asText(dflt);
    }

    /** GPUs of all pools (0 when every pool is remote). */
    public int gpus() {
        return pools.stream().mapToInt(Pool::gpus).sum();
    }

    /** The pools' values of one field joined with " + " (one value when all pools agree). */
    public String joined(java.util.function.Function<Pool, Object> field) {
        return pools.stream().map(p -> String.valueOf(field.apply(p))).distinct().collect(Collectors.joining(" + "));
    }

    /** The replicas of all pools. */
    public int replicas() {
        return pools.stream().mapToInt(Pool::replicas).sum();
    }

    /** The configuration as flat {@code key → value} lines (pool fields as {@code pools[i].field}) for a diff. */
    public Map<String, String> flat() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("router", router);
        for (int i = 0; i < pools.size(); i++) {
            Pool p = pools.get(i);
            String k = "pools[" + i + "].";
            m.put(k + "name", p.name());
            m.put(k + "hardware", p.hardware());
            m.put(k + "model", p.model());
            m.put(k + "replicas", Integer.toString(p.replicas()));
            m.put(k + "tensor_parallel", Integer.toString(p.tp()));
            m.put(k + "scheduler", p.scheduler());
            m.put(k + "executor", p.executor());
        }
        return m;
    }
}
