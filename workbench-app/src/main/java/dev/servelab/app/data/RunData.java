package dev.servelab.app.data;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.store.BucketTable;
import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.TokenTable;

import java.util.List;

/**
 * Everything the result views show for one run, loaded once off the JavaFX thread: the run's
 * {@link RunHead} (row, summary, SLOs, configuration) and its detail tables and cluster events.
 */
public record RunData(RunHead head, RequestTable requests, TokenTable tokens, List<IterationTable> iterations,
                      BucketTable buckets, List<ClusterEvent> events) {

    public RunInfo info() {
        return head.info();
    }

    public Summary summary() {
        return head.summary();
    }

    public Slo slo() {
        return head.slo();
    }

    public RunConfig config() {
        return head.config();
    }
}
