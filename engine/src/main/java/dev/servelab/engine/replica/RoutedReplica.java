package dev.servelab.engine.replica;

/**
 * What the cluster needs of a replica of any kind to route to it and describe it to routers and
 * admission: an engine {@link Replica} (scheduler, KV cache and executor inside ServeLab) or a
 * {@link RemoteReplica} (a device that batches internally).
 */
public interface RoutedReplica {
    int index();

    String poolName();

    /** Queues (or submits) a routed request; returns a rejection reason, queuing nothing, when it can never be served here. */
    String enqueue(Sequence sequence);

    int waitingCount();

    int runningCount();

    /** Prompt and output tokens still to be processed by requests routed here. */
    long outstandingTokens();

    /** Fraction of KV blocks in use, in [0, 1]; 0 where unknown (remote). */
    double kvUsage();

    /** KV capacity in blocks; 0 where unknown (remote). */
    int kvCapacityBlocks();

    int blockSizeTokens();

    /** Whether LoRA adapter {@code adapter} is resident here or a request routed here will use it (false without {@code lora}). */
    default boolean holdsAdapter(dev.servelab.engine.model.AdapterId adapter) {
        return false;
    }

    /** Whether every request served here keeps its per-token timestamps, whatever the token sampling says. */
    default boolean recordsEveryToken() {
        return false;
    }
}
