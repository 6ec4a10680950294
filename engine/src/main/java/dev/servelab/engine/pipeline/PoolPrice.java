package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pool's {@code price_usd_per_hour}: the price of one of its devices per hour, overriding the hardware
 * file's on-demand list price (a reserved or spot price, a negotiated discount). Optional; when absent
 * the hardware catalog prices the pool. The loader checks the value ({@link #check}); the cost keys read
 * it back from the run's resolved tree ({@link #override}), so a sweep varies it by the same dotted path
 * as any other field ({@code pools.0.price_usd_per_hour}).
 */
public final class PoolPrice {
    /** The pool field. */
    public static final String KEY = "price_usd_per_hour";
    /** The largest price accepted, USD per device-hour. */
    public static final double MAX_USD = 1_000_000;

    private PoolPrice() {
    }

    /** Checks the pool's override (a number in [0, {@value #MAX_USD}]) and marks the field as known. */
    static void check(NodeReader pool) {
        pool.optionalNumber(KEY, 0, MAX_USD);
    }

    /** Pool {@code index}'s override in {@code spec}, or null when the pipeline sets none. */
    public static Double override(PipelineSpec spec, int index) {
        if (spec.resolved() == null) return null;
        JsonNode v = spec.resolved().path("pools").path(index).get(KEY);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }
}
