package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.ServeLabException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The eviction policies cache replay knows, by the id of the replica-level {@code kv.*} plugin they
 * mirror. Replay ranks candidates by exact last access / count / insertion position (the request's
 * index in the file), so it has its own victim choice rather than driving the plugins, whose
 * ordering follows release events inside a replica.
 */
public enum ReplayPolicy {
    LRU("kv.lru"), LFU("kv.lfu"), FIFO("kv.fifo"), S3_FIFO("kv.s3-fifo");

    private final String id;

    ReplayPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ReplayPolicy byId(String id) {
        for (ReplayPolicy p : values()) if (p.id.equals(id)) return p;
        throw new ServeLabException("--policy: unknown replay policy '" + id + "' (known: " + ids() + ")");
    }

    public static String ids() {
        return Arrays.stream(values()).map(ReplayPolicy::id).collect(Collectors.joining(", "));
    }

    VictimChoice create(BlockTree tree, long capacityBlocks) {
        return switch (this) {
            case LRU -> RankedVictims.lru(tree);
            case LFU -> RankedVictims.lfu(tree);
            case FIFO -> RankedVictims.fifo(tree);
            case S3_FIFO -> new S3FifoVictims(tree, (int) Math.min(Integer.MAX_VALUE, capacityBlocks));
        };
    }
}
