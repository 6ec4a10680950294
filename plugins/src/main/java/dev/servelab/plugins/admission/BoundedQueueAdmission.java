package dev.servelab.plugins.admission;

import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

/**
 * Rejects a request when the cluster's waiting queues together already hold {@code max_waiting}
 * requests: load shedding at the front door, as a gateway with a bounded queue returns 429/503.
 */
@Plugin(id = "admission.bounded-queue", summary = "Reject when the cluster's waiting requests reach a bound",
        source = "bounded-queue load shedding (e.g. Envoy max_pending_requests)")
public final class BoundedQueueAdmission implements AdmissionPolicy {
    public record Settings(@Setting(summary = "waiting requests the cluster may hold", unit = "requests", min = 0) int maxWaiting) {
        public Settings() {
            this(1024);
        }
    }

    private final Settings settings;

    public BoundedQueueAdmission() {
        this(new Settings());
    }

    public BoundedQueueAdmission(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Admission decide(Request request, ClusterView cluster) {
        long waiting = 0;
        for (int i = 0; i < cluster.replicaCount(); i++) waiting += cluster.waitingRequests(i);
        if (waiting < settings.maxWaiting()) return Admission.ACCEPT;
        return Admission.reject("queue full: " + waiting + " waiting >= max_waiting " + settings.maxWaiting());
    }
}
