package dev.servelab.plugins.route;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.testkit.ClusterScript;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** route.edge-first: edge while the predicted TTFT meets the SLO, the cloud when it does not, learning edge latency. */
class EdgeFirstRouterTest {
    /** Replicas 0-1 in pool edge-near / edge-far, 2-3 in cloud; running requests and the clock are set by the test. */
    private static ClusterScript cluster() {
        return ClusterScript.of(4).pool("edge-near", 0, 1).pool("edge-far", 1, 1).pool("cloud", 2, 2).kvCapacity(0, 0, 0, 0);
    }

    private static EdgeFirstRouter router() {
        // SLO 400 ms, idle edge TTFT 100 ms, 2 slots, assumed E2EL 1000 ms: a third request waits 500 ms
        return new EdgeFirstRouter(new EdgeFirstRouter.Settings(400, "cloud", "", 100, "", 2, 1000, 0.5));
    }

    @Test
    void fillsTheLeastLoadedEdgeWhileItsPredictedTtftMeetsTheSlo() {
        ClusterScript c = cluster();
        EdgeFirstRouter r = router();
        assertEquals(0, r.route(Request.of(1, 0, 8, 8), c));
        c.runningAt(0, 2);
        assertEquals(1, r.route(Request.of(2, 0, 8, 8), c), "edge-near has no free slot, edge-far has");
        c.runningAt(1, 2);
        c.runningAt(2, 1);
        assertEquals(3, r.route(Request.of(3, 0, 8, 8), c), "both edges would wait 500 ms: least-loaded cloud replica");
        assertEquals(600, r.predictedTtftMs(0, c), 1e-9);
    }

    @Test
    void learnsTheEdgeLatencyFromFinishedRequests() {
        ClusterScript c = cluster();
        EdgeFirstRouter r = router();
        assertEquals(0, r.route(Request.of(1, 0, 8, 8), c));
        c.now(200_000_000);
        r.onFinished(Request.of(1, 0, 8, 8), 0);
        c.runningAt(0, 2);
        assertEquals(100 + 600 / 2.0, r.predictedTtftMs(0, c), 1e-9, "mean E2EL (1000 + 200) / 2 = 600 ms over 2 slots");
        c.runningAt(1, 5);
        assertEquals(0, r.route(Request.of(2, 0, 8, 8), c), "400 ms meets the SLO");
    }

    @Test
    void perPoolIdleTtftAndTiesByOutstanding() {
        ClusterScript c = cluster();
        EdgeFirstRouter r = new EdgeFirstRouter(new EdgeFirstRouter.Settings(400, "cloud", "", 100, "edge-near=300", 2, 1000, 0.5));
        assertEquals(1, r.route(Request.of(1, 0, 8, 8), c), "edge-far is predicted faster");
        EdgeFirstRouter even = router();
        c.runningAt(0, 1);
        assertEquals(1, even.route(Request.of(2, 0, 8, 8), c), "same prediction: fewer outstanding wins");
    }

    @Test
    void aPoolNameThatMatchesNothingIsNamed() {
        EdgeFirstRouter r = new EdgeFirstRouter(new EdgeFirstRouter.Settings(400, "clowd", "", 100, "", 2, 1000, 0.5));
        String e = assertThrows(ServeLabException.class, () -> r.route(Request.of(1, 0, 8, 8), cluster())).getMessage();
        assertTrue(e.startsWith("router.fallback_pool: no pool named 'clowd'"), e);
    }
}
