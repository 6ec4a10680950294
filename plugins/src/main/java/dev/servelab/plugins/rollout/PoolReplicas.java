package dev.servelab.plugins.rollout;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.ClusterView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The replica indexes of one pool, found by name, with least-outstanding choice among them. */
record PoolReplicas(String name, int[] indexes) {
    static PoolReplicas of(ClusterView cluster, String name, String setting) {
        List<Integer> found = new ArrayList<>();
        Set<String> pools = new LinkedHashSet<>();
        for (int i = 0; i < cluster.replicaCount(); i++) {
            pools.add(cluster.poolName(i));
            if (cluster.poolName(i).equals(name)) found.add(i);
        }
        if (found.isEmpty()) throw new ServeLabException(setting + ": no pool named '" + name + "' (pools: " + pools + ")");
        return new PoolReplicas(name, found.stream().mapToInt(Integer::intValue).toArray());
    }

    boolean contains(int replica) {
        for (int i : indexes) if (i == replica) return true;
        return false;
    }

    /** The pool's replica with the fewest outstanding requests, lowest index on ties. */
    int leastOutstanding(ClusterView cluster) {
        int best = indexes[0];
        for (int i : indexes) if (cluster.outstandingRequests(i) < cluster.outstandingRequests(best)) best = i;
        return best;
    }
}
