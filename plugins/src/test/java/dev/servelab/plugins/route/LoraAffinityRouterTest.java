package dev.servelab.plugins.route;

import dev.servelab.engine.model.AdapterId;
import dev.servelab.engine.model.Request;
import dev.servelab.testkit.ClusterScript;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** route.lora-affinity: the adapter's least loaded holder unless it is more than the threshold above the least loaded. */
class LoraAffinityRouterTest {
    private static Request with(int adapter) {
        return Request.of(1, 0, 100, 10).withAdapter(AdapterId.of(adapter));
    }

    @Test
    void prefersTheLeastLoadedHolderWithinTheThreshold() {
        ClusterScript c = ClusterScript.of(4).waiting(5, 1, 9, 3).holds(0, 7).holds(2, 7, 8);
        LoraAffinityRouter r = new LoraAffinityRouter(new LoraAffinityRouter.Settings(4));
        assertEquals(0, c.route(r, with(7)), "holders 0 (5) and 2 (9): 0; 5 - 1 = 4 is within the threshold");
        assertEquals(1, c.route(r, with(8)), "holder 2 has 9, 8 above the least loaded: balance wins");
        assertEquals(1, c.route(r, with(3)), "no holder: least loaded");
        assertEquals(1, c.route(r, Request.of(2, 0, 100, 10)), "base model: least loaded");
        assertEquals(2, c.route(new LoraAffinityRouter(new LoraAffinityRouter.Settings(8)), with(8)), "threshold 8: 9 - 1 = 8 stays");
        assertEquals(1, c.route(new LoraAffinityRouter(new LoraAffinityRouter.Settings(0)), with(7)), "threshold 0: only a least loaded holder");
    }
}
