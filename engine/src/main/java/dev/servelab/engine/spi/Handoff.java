package dev.servelab.engine.spi;

/**
 * A router's decision to move a prefilled request to another replica for its decode phase
 * (prefill/decode disaggregation, as in Splitwise and DistServe): the decode replica and the time
 * the KV cache transfer takes; the request joins that replica's queue when the transfer ends.
 */
public record Handoff(int replica, long transferNanos) {
    public Handoff {
        if (transferNanos < 0) throw new IllegalArgumentException("negative KV transfer time " + transferNanos);
    }
}
