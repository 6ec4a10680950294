package dev.servelab.plugins.cachereplay;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays request chains of prefix hashes through one cache per (policy, capacity) pair at once,
 * so the trace is read a single time. Results come in the order policies × capacities were given.
 */
public final class CacheReplay {
    private final List<ReplayPolicy> policies;
    private final List<Long> capacities;
    private final ReplayCache[] caches;
    private final long[] hits;
    private long total;

    public CacheReplay(List<ReplayPolicy> policies, List<Long> capacities) {
        this.policies = List.copyOf(policies);
        this.capacities = List.copyOf(capacities);
        caches = new ReplayCache[policies.size() * capacities.size()];
        hits = new long[caches.length];
        for (int p = 0; p < policies.size(); p++) {
            for (int c = 0; c < capacities.size(); c++) {
                caches[p * capacities.size() + c] = new ReplayCache(policies.get(p), capacities.get(c));
            }
        }
    }

    /** Feeds one request's chained prefix hashes (in file order). */
    public void accept(long[] hashIds) {
        total += hashIds.length;
        for (int i = 0; i < caches.length; i++) hits[i] += caches[i].access(hashIds);
    }

    public List<ReplayResult> results() {
        List<ReplayResult> out = new ArrayList<>(caches.length);
        for (int p = 0; p < policies.size(); p++) {
            for (int c = 0; c < capacities.size(); c++) {
                out.add(new ReplayResult(policies.get(p).id(), capacities.get(c), hits[p * capacities.size() + c], total));
            }
        }
        return out;
    }
}
