package dev.servelab.plugins.route;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.testkit.ClusterScript;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load-based and hashing routers' decisions over a fixed snapshot of cluster state. */
class LoadRoutersTest {
    /** A frozen cluster state: per replica waiting requests (none running), outstanding tokens, KV usage. */
    private static final ClusterScript STATE = ClusterScript.of(4).pool("gpu", 0, 4)
            .waiting(3, 1, 2, 5).tokens(900, 5000, 300, 700).kvUsage(0.5, 0.2, 0.9, 0.2);
    private static final Request R = Request.of(1, 0, 100, 10);

    @Test
    void leastKvUsageBreaksTiesByOutstandingRequests() {
        assertEquals(1, STATE.route(new LeastKvUsageRouter(), R));
    }

    @Test
    void shortestQueueCountsTokensNotRequests() {
        assertEquals(2, STATE.route(new ShortestQueueTokensRouter(), R));
    }

    @Test
    void powerOfTwoNeverPicksTheWorseOfItsTwoSamples() {
        PowerOfTwoRouter p2 = new PowerOfTwoRouter(new PluginContext(3, "router", -1));
        Set<Integer> seen = STATE.routeMany(p2, 200, i -> R).keySet();
        assertTrue(!seen.contains(1), "replica 1 has the most tokens, so it loses every pair: " + seen);
        assertEquals(Set.of(0, 2, 3), seen);
    }

    @Test
    void randomIsSeededAndUsesEveryReplica() {
        RandomRouter a = new RandomRouter(new PluginContext(9, "router", -1));
        RandomRouter b = new RandomRouter(new PluginContext(9, "router", -1));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            int r = a.route(R, STATE);
            assertEquals(r, b.route(R, STATE));
            seen.add(r);
        }
        assertEquals(4, seen.size());
    }

    @Test
    void consistentHashKeepsSessionsAndPrefixesTogether() {
        ConsistentHashRouter bySession = new ConsistentHashRouter();
        Set<Integer> targets = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            targets.add(bySession.route(new Request(i, 0, 10, 1, null, 0, "s-42", null, null), STATE));
        }
        assertEquals(1, targets.size());
        ConsistentHashRouter byPrefix = new ConsistentHashRouter(new ConsistentHashRouter.Settings(ConsistentHashRouter.Key.PREFIX, 2, 100));
        int a = byPrefix.route(new Request(1, 0, 2000, 1, new long[]{7, 8, 9}, 512, null, null, null), STATE);
        int b = byPrefix.route(new Request(2, 0, 2000, 1, new long[]{7, 8, 11, 12}, 512, null, null, null), STATE);
        assertEquals(a, b, "same first two prefix blocks, same replica");
        Set<Integer> spread = new HashSet<>();
        for (int s = 0; s < 200; s++) spread.add(bySession.route(new Request(s, 0, 10, 1, null, 0, "s" + s, null, null), STATE));
        assertEquals(4, spread.size(), "sessions spread over every replica");
    }
}
