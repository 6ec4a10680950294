package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.KvOffload;

/**
 * Reads the tiered-offload keys of a pool's {@code kv_cache}:
 * {@code cpu_tier: {capacity_gib | capacity_blocks, bandwidth_gb_s, latency_ms}},
 * {@code disk_tier: {capacity_gib | capacity_blocks, bandwidth_gb_s, latency_ms}},
 * {@code offload: write_through | on_evict}, {@code overlap: true | false} and {@code kv_bytes_per_token}.
 * Without {@code cpu_tier} and {@code disk_tier} there is no offload (today's behaviour); every error names the field.
 */
final class KvOffloadReader {
    /** PCIe Gen4 x16 host-to-device rate (the hardware catalog has no host-link field yet). */
    static final double CPU_BANDWIDTH_GB_S = 25;
    /** A local NVMe SSD's sequential read rate. */
    static final double DISK_BANDWIDTH_GB_S = 5;
    /** A local NVMe read plus the store's lookup, per load. */
    static final double DISK_LATENCY_MS = 1;

    private KvOffloadReader() {
    }

    /** The offload of the {@code kv_cache} mapping {@code r}, or null when it has no tier. */
    static KvOffload read(NodeReader r) {
        KvOffload.Tier cpu = tier(r.raw("cpu_tier"), r.path("cpu_tier"), CPU_BANDWIDTH_GB_S, 0);
        KvOffload.Tier disk = tier(r.raw("disk_tier"), r.path("disk_tier"), DISK_BANDWIDTH_GB_S, DISK_LATENCY_MS);
        String policyText = r.string("offload", null);
        boolean overlap = r.bool("overlap", false);
        double bytes = r.number("kv_bytes_per_token", 0, 0, 1e12);
        if (cpu == null && disk == null) {
            if (policyText != null || overlap || bytes > 0) {
                throw new ServeLabException(r.path(policyText != null ? "offload" : overlap ? "overlap" : "kv_bytes_per_token")
                        + ": needs a cpu_tier or a disk_tier to offload to");
            }
            return null;
        }
        KvOffload.Policy policy = policyText == null ? KvOffload.Policy.ON_EVICT : KvOffload.Policy.of(policyText);
        if (policy == null) {
            throw new ServeLabException(r.path("offload") + ": unknown policy '" + policyText + "' (write_through or on_evict)");
        }
        return new KvOffload(cpu, disk, policy, overlap, bytes);
    }

    private static KvOffload.Tier tier(JsonNode node, String path, double bandwidth, double latency) {
        if (node == null) return null;
        NodeReader t = new NodeReader(node, path);
        int blocks = (int) t.integer("capacity_blocks", 0, 0, Integer.MAX_VALUE);
        double gib = t.number("capacity_gib", 0, 0, 1e9);
        double bw = t.number("bandwidth_gb_s", bandwidth, 1e-6, 1e6);
        double lat = t.number("latency_ms", latency, 0, 1e6);
        t.rejectUnknown();
        if ((blocks > 0) == (gib > 0)) {
            throw new ServeLabException(path + ": give exactly one of capacity_gib and capacity_blocks (above 0)");
        }
        return new KvOffload.Tier(blocks, gib, bw, lat);
    }
}
