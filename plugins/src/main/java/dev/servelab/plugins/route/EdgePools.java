package dev.servelab.plugins.route;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.ClusterView;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which replicas are at the edge and which take the fallback, by pool name: the edge pools listed
 * (or, with none listed, those whose name starts with {@code edge}); the fallback pool named (or,
 * with none named, every other pool); and each replica's idle TTFT ({@code pool=ms} pairs, else the
 * default). A name that matches no pool is an error naming the setting.
 */
record EdgePools(boolean[] edge, boolean[] fallback, double[] idleTtftMs) {
    static EdgePools of(ClusterView cluster, String edgeNames, String fallbackName, double defaultTtftMs,
                        String poolTtftMs) {
        int n = cluster.replicaCount();
        Set<String> listed = new HashSet<>();
        for (String s : edgeNames.split(",")) if (!s.isBlank()) listed.add(s.strip());
        Set<String> seen = new HashSet<>();
        boolean[] edge = new boolean[n];
        boolean[] fallback = new boolean[n];
        double[] ttft = new double[n];
        Map<String, Double> perPool = perPoolTtft(poolTtftMs);
        for (int i = 0; i < n; i++) {
            String pool = cluster.poolName(i);
            seen.add(pool);
            edge[i] = listed.isEmpty() ? pool.startsWith("edge") : listed.contains(pool);
            fallback[i] = fallbackName.isBlank() ? !edge[i] : pool.equals(fallbackName);
            ttft[i] = perPool.getOrDefault(pool, defaultTtftMs);
        }
        for (String s : perPool.keySet()) {
            if (!seen.contains(s)) throw new ServeLabException("router.pool_ttft_ms: no pool named '" + s + "' (pools: " + seen + ")");
        }
        for (String s : listed) {
            if (!seen.contains(s)) throw new ServeLabException("router.edge_pools: no pool named '" + s + "' (pools: " + seen + ")");
        }
        if (!fallbackName.isBlank() && !seen.contains(fallbackName)) {
            throw new ServeLabException("router.fallback_pool: no pool named '" + fallbackName + "' (pools: " + seen + ")");
        }
        return new EdgePools(edge, fallback, ttft);
    }

    private static Map<String, Double> perPoolTtft(String pairs) {
        Map<String, Double> out = new HashMap<>();
        for (String pair : pairs.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            try {
                if (eq <= 0) throw new NumberFormatException();
                out.put(pair.substring(0, eq).strip(), Double.parseDouble(pair.substring(eq + 1).strip()));
            } catch (NumberFormatException e) {
                throw new ServeLabException("router.pool_ttft_ms: expected pool=ms pairs, e.g. 'edge-near=120', got '" + pair + "'");
            }
        }
        return out;
    }

    double idleTtftMs(int replica) {
        return idleTtftMs[replica];
    }

    boolean isEdge(int replica) {
        return edge[replica];
    }

    boolean isFallback(int replica) {
        return fallback[replica];
    }

    @Override
    public String toString() {
        return "EdgePools[edge=" + Arrays.toString(edge) + ", fallback=" + Arrays.toString(fallback) + ", idleTtftMs="
                + Arrays.toString(idleTtftMs) + "]";
    }
}
