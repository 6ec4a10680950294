package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A router's approximate picture of what each replica has cached: per replica, the chained prefix
 * block hashes of the requests routed there, in least-recently-routed order, bounded to
 * {@code maxBlocksPerReplica} (the oldest are forgotten first). Because a chained hash identifies
 * its whole prefix, the set of hashes is a radix tree over blocks: the longest prefix a replica
 * holds is the run of leading hashes it contains. It is approximate — it never sees the replica's
 * real evictions — which is what SGLang's cache-aware router and llm-d's approximate prefix scorer do.
 */
final class PrefixIndex {
    private final LruSet[] replicas;

    PrefixIndex(int replicaCount, int maxBlocksPerReplica) {
        replicas = new LruSet[replicaCount];
        for (int i = 0; i < replicaCount; i++) replicas[i] = new LruSet(maxBlocksPerReplica);
    }

    /** Leading prefix blocks of {@code request} that replica {@code r} is believed to hold (does not touch recency). */
    int matchedBlocks(int r, Request request) {
        LruSet set = replicas[r];
        int n = 0;
        while (n < request.hashCount() && set.containsKey(request.hashId(n))) n++;
        return n;
    }

    /** Records that the prefix of {@code request} was routed to replica {@code r}. */
    void insert(int r, Request request) {
        LruSet set = replicas[r];
        for (int i = 0; i < request.hashCount(); i++) set.put(request.hashId(i), Boolean.TRUE);
    }

    /** Blocks believed cached at replica {@code r}. */
    int size(int r) {
        return replicas[r].size();
    }

    private static final class LruSet extends LinkedHashMap<Long, Boolean> {
        private final int max;

        LruSet(int max) {
            super(1024, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > max;
        }
    }
}
