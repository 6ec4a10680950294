package dev.servelab.engine.observe;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.Request;

/**
 * Receives what happens during a run, for metrics and the run store. Called on the event-loop
 * thread; implementations must be cheap (they see millions of calls).
 */
public interface RunObserver {
    default void onArrival(Request request, long nowNanos) {
    }

    /** A request refused by admission or by a replica (e.g. longer than its KV cache); {@code replica} is -1 for admission. */
    default void onRejected(Request request, String reason, int replica, long nowNanos) {
    }

    default void onFinished(SequenceRecord sequence, long nowNanos) {
    }

    /**
     * A request that ended without completing (a remote stream that broke, timed out or was cancelled),
     * keeping the tokens it received; vLLM's {@code bench serve} counts it as failed, not completed.
     */
    default void onFailed(SequenceRecord sequence, String reason, long nowNanos) {
    }

    /**
     * {@code count} inter-token gaps of {@code gapNanos} each, of requests that complete: a replica whose
     * requests can fail mid-stream (a remote one) reports a request's gaps when it completes, none when it fails.
     */
    default void onInterTokenGaps(long gapNanos, int count) {
    }

    /** One iteration of one replica, after its tokens were emitted. */
    default void onIteration(IterationRecord iteration) {
    }

    /** A cluster-level event (health change, fault, rollout stage); rare, at most a few per second of run time. */
    default void onClusterEvent(ClusterEvent event) {
    }
}
