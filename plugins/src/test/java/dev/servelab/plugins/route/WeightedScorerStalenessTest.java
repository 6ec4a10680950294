package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.testkit.ClusterScript;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The weighted scorer decides on metrics at most {@code staleness_ms} old, plus what it sent itself. */
class WeightedScorerStalenessTest {
    /** Two replicas at {@code nowNanos}; replica {@code busy} has 10 waiting requests and full KV, the other none. */
    private static ClusterScript twoReplicas(long nowNanos, int busy) {
        return ClusterScript.of(2).pool("gpu", 0, 2).kvCapacity(100, 100).now(nowNanos)
                .waitingAt(busy, 10).tokensAt(busy, 1000).kvUsage(busy == 0 ? 0.9 : 0.1, busy == 1 ? 0.9 : 0.1);
    }

    private static final Request R = Request.of(1, 0, 100, 10);
    private static final long MS = 1_000_000;

    @Test
    void withinTheStalenessWindowTheOldPictureIsUsed() {
        WeightedScorerRouter router = new WeightedScorerRouter(new WeightedScorerRouter.Settings(0, 1, 1, 100, 1000));
        assertEquals(1, router.route(R, twoReplicas(0, 0)), "replica 0 is busy: go to 1");
        assertEquals(1, router.route(R, twoReplicas(50 * MS, 1)), "50 ms later replica 1 is busy, but the router has not seen it");
        assertEquals(0, router.route(R, twoReplicas(150 * MS, 1)), "after 100 ms the metrics are refreshed");
    }

    @Test
    void withExactStateItFollowsTheLoadImmediately() {
        WeightedScorerRouter router = new WeightedScorerRouter(new WeightedScorerRouter.Settings(0, 1, 1, 0, 1000));
        assertEquals(1, router.route(R, twoReplicas(0, 0)));
        assertEquals(0, router.route(R, twoReplicas(50 * MS, 1)));
    }
}
