package dev.servelab.engine.spi;

import java.util.List;

/**
 * Read-only state of one replica, as its batch scheduler sees it at the start of an iteration.
 * {@code waiting()} is in arrival order with preempted sequences at its front; {@code running()}
 * is in admission order.
 */
public interface ReplicaView {
    int index();

    long nowNanos();

    List<? extends SequenceView> waiting();

    List<? extends SequenceView> running();

    int maxNumSeqs();

    int maxNumBatchedTokens();

    int blockSizeTokens();

    int kvCapacityBlocks();

    /** Blocks that can be allocated now: free plus evictable cached blocks. */
    int kvAvailableBlocks();
}
