package dev.servelab.plugins.route;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** route.edge-first: edge while the predicted TTFT meets the SLO, the cloud when it does not, learning edge latency. */
class EdgeFirstRouterTest {
    /** Replicas 0-1 in pool edge-near / edge-far, 2-3 in cloud; outstanding requests and the clock are set by the test. */
    static final class Cluster implements ClusterView {
        final int[] outstanding = new int[4];
        long now;

        public int replicaCount() { return 4; }
        public long nowNanos() { return now; }
        public String poolName(int r) { return r == 0 ? "edge-near" : r == 1 ? "edge-far" : "cloud"; }
        public int outstandingRequests(int r) { return outstanding[r]; }
        public int waitingRequests(int r) { return 0; }
        public int runningRequests(int r) { return outstanding[r]; }
        public long outstandingTokens(int r) { return 0; }
        public double kvUsage(int r) { return 0; }
        public int kvCapacityBlocks(int r) { return 0; }
        public int kvBlockSizeTokens(int r) { return 16; }
    }

    private static EdgeFirstRouter router() {
        // SLO 400 ms, idle edge TTFT 100 ms, 2 slots, assumed E2EL 1000 ms: a third request waits 500 ms
        return new EdgeFirstRouter(new EdgeFirstRouter.Settings(400, "cloud", "", 100, "", 2, 1000, 0.5));
    }

    @Test
    void fillsTheLeastLoadedEdgeWhileItsPredictedTtftMeetsTheSlo() {
        Cluster c = new Cluster();
        EdgeFirstRouter r = router();
        assertEquals(0, r.route(Request.of(1, 0, 8, 8), c));
        c.outstanding[0] = 2;
        assertEquals(1, r.route(Request.of(2, 0, 8, 8), c), "edge-near has no free slot, edge-far has");
        c.outstanding[1] = 2;
        c.outstanding[2] = 1;
        assertEquals(3, r.route(Request.of(3, 0, 8, 8), c), "both edges would wait 500 ms: least-loaded cloud replica");
        assertEquals(600, r.predictedTtftMs(0, c), 1e-9);
    }

    @Test
    void learnsTheEdgeLatencyFromFinishedRequests() {
        Cluster c = new Cluster();
        EdgeFirstRouter r = router();
        assertEquals(0, r.route(Request.of(1, 0, 8, 8), c));
        c.now = 200_000_000;
        r.onFinished(Request.of(1, 0, 8, 8), 0);
        c.outstanding[0] = 2;
        assertEquals(100 + 600 / 2.0, r.predictedTtftMs(0, c), 1e-9, "mean E2EL (1000 + 200) / 2 = 600 ms over 2 slots");
        c.outstanding[1] = 5;
        assertEquals(0, r.route(Request.of(2, 0, 8, 8), c), "400 ms meets the SLO");
    }

    @Test
    void perPoolIdleTtftAndTiesByOutstanding() {
        Cluster c = new Cluster();
        EdgeFirstRouter r = new EdgeFirstRouter(new EdgeFirstRouter.Settings(400, "cloud", "", 100, "edge-near=300", 2, 1000, 0.5));
        assertEquals(1, r.route(Request.of(1, 0, 8, 8), c), "edge-far is predicted faster");
        EdgeFirstRouter even = router();
        c.outstanding[0] = 1;
        assertEquals(1, even.route(Request.of(2, 0, 8, 8), c), "same prediction: fewer outstanding wins");
    }

    @Test
    void aPoolNameThatMatchesNothingIsNamed() {
        EdgeFirstRouter r = new EdgeFirstRouter(new EdgeFirstRouter.Settings(400, "clowd", "", 100, "", 2, 1000, 0.5));
        String e = assertThrows(ServeLabException.class, () -> r.route(Request.of(1, 0, 8, 8), new Cluster())).getMessage();
        assertTrue(e.startsWith("router.fallback_pool: no pool named 'clowd'"), e);
    }
}
