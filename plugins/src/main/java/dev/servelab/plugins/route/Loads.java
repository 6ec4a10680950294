package dev.servelab.plugins.route;

import dev.servelab.engine.spi.ClusterView;

/** Load comparisons shared by the routers (lowest index wins ties). */
final class Loads {
    private Loads() {
    }

    static int leastOutstanding(ClusterView cluster) {
        int best = 0;
        for (int i = 1; i < cluster.replicaCount(); i++) {
            if (cluster.outstandingRequests(i) < cluster.outstandingRequests(best)) best = i;
        }
        return best;
    }

    static int mostOutstanding(ClusterView cluster) {
        int best = 0;
        for (int i = 1; i < cluster.replicaCount(); i++) {
            if (cluster.outstandingRequests(i) > cluster.outstandingRequests(best)) best = i;
        }
        return best;
    }
}
