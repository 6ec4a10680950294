package dev.servelab.testkit;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;

/** Test router: the replica with the fewest waiting requests, ties to the lower KV usage, then the lower index. */
@Plugin(id = "route.test-least-waiting", summary = "Test router: fewest waiting requests")
public final class LeastWaitingTestRouter implements Router {
    @Override
    public int route(Request request, ClusterView c) {
        int best = 0;
        for (int r = 1; r < c.replicaCount(); r++) {
            int w = Integer.compare(c.waitingRequests(r), c.waitingRequests(best));
            if (w < 0 || (w == 0 && c.kvUsage(r) < c.kvUsage(best))) best = r;
        }
        return best;
    }
}
