package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The weighted scorer decides on metrics at most {@code staleness_ms} old, plus what it sent itself. */
class WeightedScorerStalenessTest {
    /** Two replicas; replica {@code busy} has 10 outstanding requests and full KV, the other none. */
    record TwoReplicas(long nowNanos, int busy) implements ClusterView {
        public int replicaCount() { return 2; }
        public String poolName(int r) { return "gpu"; }
        public int outstandingRequests(int r) { return r == busy ? 10 : 0; }
        public int waitingRequests(int r) { return outstandingRequests(r); }
        public int runningRequests(int r) { return 0; }
        public long outstandingTokens(int r) { return outstandingRequests(r) * 100L; }
        public double kvUsage(int r) { return r == busy ? 0.9 : 0.1; }
        public int kvCapacityBlocks(int r) { return 100; }
        public int kvBlockSizeTokens(int r) { return 16; }
    }

    private static final Request R = Request.of(1, 0, 100, 10);
    private static final long MS = 1_000_000;

    @Test
    void withinTheStalenessWindowTheOldPictureIsUsed() {
        WeightedScorerRouter router = new WeightedScorerRouter(new WeightedScorerRouter.Settings(0, 1, 1, 100, 1000));
        assertEquals(1, router.route(R, new TwoReplicas(0, 0)), "replica 0 is busy: go to 1");
        assertEquals(1, router.route(R, new TwoReplicas(50 * MS, 1)), "50 ms later replica 1 is busy, but the router has not seen it");
        assertEquals(0, router.route(R, new TwoReplicas(150 * MS, 1)), "after 100 ms the metrics are refreshed");
    }

    @Test
    void withExactStateItFollowsTheLoadImmediately() {
        WeightedScorerRouter router = new WeightedScorerRouter(new WeightedScorerRouter.Settings(0, 1, 1, 0, 1000));
        assertEquals(1, router.route(R, new TwoReplicas(0, 0)));
        assertEquals(0, router.route(R, new TwoReplicas(50 * MS, 1)));
    }
}
