package dev.servelab.engine.metrics;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.observe.RunObserver;

import java.util.Arrays;

/**
 * Counts what failure handling and injection did in a run: retries (one per
 * {@link ClusterEventKind#REQUEST_RETRIED} event), KV lost in crashes (told by the cluster), and the
 * time to recover SLO attainment.
 *
 * <p>Recovery: requests are grouped by the bucket ({@code bucketNanos}) in which they ended;
 * a bucket's attainment is the share of its requests that met every SLO (a failed request is a
 * miss). The baseline is the attainment of every request that ended before the first incident
 * (1.0 when none did). The first incident is the first injected fault or the first replica marked
 * unhealthy. {@code slo_recovery_s} is the time from the first incident to the end of
 * the last bucket, starting at or after it, whose attainment is below the baseline; 0 when none is.
 */
public final class FaultMetrics implements RunObserver {
    private final long bucketNanos;
    private final boolean sloSet;
    private long retried;
    private long kvLostBlocks;
    private long kvLostTokens;
    private long firstFaultNanos = -1;
    private long[] total = new long[64];
    private long[] good = new long[64];

    public FaultMetrics(long bucketNanos, boolean sloSet) {
        this.bucketNanos = bucketNanos;
        this.sloSet = sloSet;
    }

    @Override
    public void onClusterEvent(ClusterEvent e) {
        if (e.kind() == ClusterEventKind.REQUEST_RETRIED) retried++;
        boolean fault = e.kind() == ClusterEventKind.REPLICA_CRASHED || e.kind() == ClusterEventKind.FAULT_STARTED
                || e.kind() == ClusterEventKind.REPLICA_UNHEALTHY;
        if (fault && firstFaultNanos < 0) firstFaultNanos = e.atNanos();
    }

    /** A crash dropped {@code blocks} KV blocks holding data and {@code tokens} computed tokens. */
    public void kvLost(long blocks, long tokens) {
        kvLostBlocks += blocks;
        kvLostTokens += tokens;
    }

    /** A request ended at {@code nowNanos}, meeting every SLO or not (failed requests: not). */
    void ended(long nowNanos, boolean metSlo) {
        int b = (int) Math.min(Integer.MAX_VALUE - 8, nowNanos / bucketNanos);
        if (b >= total.length) {
            int n = Math.max(b + 1, total.length * 2);
            total = Arrays.copyOf(total, n);
            good = Arrays.copyOf(good, n);
        }
        total[b]++;
        if (metSlo) good[b]++;
    }

    public long retried() {
        return retried;
    }

    public ResilienceSummary summary() {
        return new ResilienceSummary(retried, kvLostBlocks, kvLostTokens, sloSet ? recoverySeconds() : null);
    }

    private double recoverySeconds() {
        if (firstFaultNanos < 0) return 0.0;
        int faultBucket = (int) Math.min(total.length, firstFaultNanos / bucketNanos);
        long beforeTotal = 0;
        long beforeGood = 0;
        for (int b = 0; b < faultBucket; b++) {
            beforeTotal += total[b];
            beforeGood += good[b];
        }
        double baseline = beforeTotal == 0 ? 1.0 : (double) beforeGood / beforeTotal;
        int lastLow = -1;
        for (int b = faultBucket; b < total.length; b++) {
            if (total[b] > 0 && (double) good[b] / total[b] < baseline) lastLow = b;
        }
        if (lastLow < 0) return 0.0;
        return Math.max(0, (lastLow + 1) * bucketNanos - firstFaultNanos) / 1e9;
    }
}
