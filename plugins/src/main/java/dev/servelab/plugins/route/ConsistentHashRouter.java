package dev.servelab.plugins.route;

import static dev.servelab.engine.model.SplitMix64.mix;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

import java.util.TreeMap;

/**
 * Consistent hashing with virtual nodes: the request's key (its session id, or the hash of its
 * first {@code prefix_blocks} prefix blocks) is placed on a ring and served by the next replica
 * point clockwise. Requests of one session, or sharing a prefix, go to the same replica; adding a
 * replica moves only about 1/n of the keys. A request without the chosen key goes by its id.
 */
@Plugin(id = "route.consistent-hash", summary = "Consistent hashing on session id or prompt prefix",
        source = "Karger et al. (STOC'97); Envoy ring hash; vLLM production-stack session routing")
public final class ConsistentHashRouter implements Router {
    public enum Key {
        @JsonProperty("session") SESSION, @JsonProperty("prefix") PREFIX;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Settings(
            @Setting(summary = "what to hash: session or prefix") Key key,
            @Setting(summary = "leading prefix blocks hashed when key is prefix", unit = "blocks", min = 1) int prefixBlocks,
            @Setting(summary = "ring points per replica", unit = "points", min = 1, max = 10_000) int virtualNodes) {
        public Settings() {
            this(Key.SESSION, 4, 100);
        }
    }

    private final Settings settings;
    private TreeMap<Long, Integer> ring;

    public ConsistentHashRouter() {
        this(new Settings());
    }

    public ConsistentHashRouter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        if (ring == null) ring = buildRing(cluster.replicaCount());
        var e = ring.ceilingEntry(keyOf(request));
        return (e == null ? ring.firstEntry() : e).getValue();
    }

    private long keyOf(Request r) {
        if (settings.key() == Key.SESSION && r.sessionId() != null) return mix(r.sessionId().hashCode());
        if (settings.key() == Key.PREFIX && r.hasPrefixHashes()) {
            int n = Math.min(settings.prefixBlocks(), r.hashCount());
            return mix(r.hashId(n - 1) * 31 + n);
        }
        return mix(r.id() ^ 0x5DEECE66DL);
    }

    private TreeMap<Long, Integer> buildRing(int replicas) {
        TreeMap<Long, Integer> m = new TreeMap<>();
        for (int r = 0; r < replicas; r++) {
            for (int v = 0; v < settings.virtualNodes(); v++) m.put(mix(((long) r << 32) | v), r);
        }
        return m;
    }
}
