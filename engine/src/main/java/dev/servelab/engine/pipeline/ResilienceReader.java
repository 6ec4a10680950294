package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.FailureKind;
import dev.servelab.engine.pipeline.FaultSpec.FaultKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code retry:}, {@code health:} and {@code faults:} sections of a pipeline. A fault names
 * its replica by {@code pool} (and {@code replica} within it, default 0) or by the global
 * {@code replica} index; times are {@code at_s}, {@code duration_s} ({@code restart_s} for a crash).
 */
final class ResilienceReader {
    private static final long MAX_SECONDS = 10_000_000;

    private ResilienceReader() {
    }

    static ResilienceSpec read(NodeReader top, List<PoolSpec> pools) {
        RetrySpec retry = retry(top.raw("retry"));
        HealthSpec health = health(top.raw("health"));
        List<JsonNode> nodes = top.list("faults");
        List<FaultSpec> faults = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) faults.add(fault(nodes.get(i), "faults[" + i + "]", pools));
        return new ResilienceSpec(retry, health, faults);
    }

    private static RetrySpec retry(JsonNode node) {
        if (node == null) return RetrySpec.NONE;
        NodeReader r = new NodeReader(node, "retry");
        int max = (int) r.integer("max_attempts", 3, 1, 100);
        List<JsonNode> on = r.list("on");
        Set<FailureKind> kinds = EnumSet.noneOf(FailureKind.class);
        if (r.raw("on") == null) kinds.addAll(List.of(FailureKind.CONNECT, FailureKind.STREAM, FailureKind.HTTP_5XX, FailureKind.CRASH));
        for (int i = 0; i < on.size(); i++) {
            FailureKind k = on.get(i).isTextual() ? FailureKind.ofKey(on.get(i).asText()) : null;
            if (k == null || k == FailureKind.CANCELLED) {
                throw new ServeLabException("retry.on[" + i + "]: unknown failure kind " + NodeReader.describe(on.get(i))
                        + " (known: connect, stream, http-5xx, http-4xx, crash)");
            }
            kinds.add(k);
        }
        r.rejectUnknown();
        return new RetrySpec(max, kinds);
    }

    private static HealthSpec health(JsonNode node) {
        NodeReader r = new NodeReader(node, "health");
        HealthSpec d = HealthSpec.DEFAULT;
        int after = (int) r.integer("unhealthy_after_failures", d.unhealthyAfterFailures(), 1, 1_000_000);
        long backoff = r.integer("probe_backoff_ms", d.probeBackoffMs(), 1, 86_400_000);
        long max = r.integer("probe_backoff_max_ms", Math.max(backoff, d.probeBackoffMaxMs()), backoff, 86_400_000);
        r.rejectUnknown();
        return new HealthSpec(after, backoff, max);
    }

    private static FaultSpec fault(JsonNode node, String path, List<PoolSpec> pools) {
        NodeReader r = new NodeReader(node, path);
        String kindText = r.string("kind", null);
        FaultKind kind = kindText == null ? null : FaultKind.ofKey(kindText);
        if (kind == null) {
            throw new ServeLabException(r.path("kind") + ": " + (kindText == null ? "missing" : "unknown fault '" + kindText + "'")
                    + " (known: crash, slowdown, delay, partition, load-spike)");
        }
        long at = seconds(r, "at_s", 0);
        String lengthKey = kind == FaultKind.CRASH ? "restart_s" : "duration_s";
        if (r.raw(lengthKey) == null) throw new ServeLabException(r.path(lengthKey) + ": missing (seconds)");
        long length = Math.max(1, seconds(r, lengthKey, 0));
        double factor = 1;
        long delay = 0;
        if (kind == FaultKind.SLOWDOWN || kind == FaultKind.LOAD_SPIKE) {
            if (r.raw("factor") == null) throw new ServeLabException(r.path("factor") + ": missing (e.g. 2 for twice as slow/fast)");
            factor = r.number("factor", 1, 1e-3, 1e6);
        }
        if (kind == FaultKind.DELAY) {
            if (r.raw("delay_ms") == null) throw new ServeLabException(r.path("delay_ms") + ": missing");
            delay = Math.round(r.number("delay_ms", 0, 0, 3_600_000) * 1e6);
        }
        int replica = kind == FaultKind.LOAD_SPIKE ? -1 : replica(r, pools, kind);
        r.rejectUnknown();
        return new FaultSpec(path, kind, replica, at, length, factor, delay);
    }

    private static long seconds(NodeReader r, String key, double def) {
        return Math.round(r.number(key, def, 0, MAX_SECONDS) * 1e9);
    }

    private static int replica(NodeReader r, List<PoolSpec> pools, FaultKind kind) {
        String pool = r.string("pool", null);
        int total = pools.stream().mapToInt(PoolSpec::replicas).sum();
        if (pool == null) {
            if (r.raw("replica") == null) throw new ServeLabException(r.path("pool") + ": name the pool (or the global replica index)");
            return (int) r.integer("replica", 0, 0, total - 1);
        }
        int first = 0;
        for (PoolSpec p : pools) {
            if (p.name().equals(pool)) {
                int within = (int) r.integer("replica", 0, 0, p.replicas() - 1);
                boolean remoteOnly = kind == FaultKind.DELAY || kind == FaultKind.PARTITION;
                if (remoteOnly && !p.isRemote()) {
                    throw new ServeLabException(r.path("pool") + ": a " + kind.key() + " fault acts on a remote pool; '"
                            + pool + "' is an engine pool (use slowdown or crash)");
                }
                if (kind == FaultKind.SLOWDOWN && p.isRemote()) {
                    throw new ServeLabException(r.path("pool") + ": a slowdown acts on an engine pool; '" + pool
                            + "' is remote (use delay)");
                }
                return first + within;
            }
            first += p.replicas();
        }
        throw new ServeLabException(r.path("pool") + ": no pool named '" + pool + "'");
    }
}
