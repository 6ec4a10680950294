package dev.servelab.engine.observe;

/**
 * What one iteration did, as observers see it (one reused instance per replica: copy what you keep).
 * Prefix-cache counters are in tokens: {@code lookupTokens} were looked up on admission, of which
 * {@code hitTokens} were found cached.
 */
public final class IterationRecord {
    public int replica;
    public long startNanos;
    public long endNanos;
    public int prefillTokens;
    public int decodeTokens;
    public int batchSize;
    public int kvUsedBlocks;
    public int kvCapacityBlocks;
    public int waiting;
    public long lookupTokens;
    public long hitTokens;
    /** Of {@code hitTokens}, those loaded from the CPU tier and from the disk/remote tier. */
    public long hitTokensCpu;
    public long hitTokensDisk;
    public int preemptions;
    public double joules;
    /** Distinct LoRA adapters in the batch and adapters loaded for it (0 in pools without {@code lora}). */
    public int loraAdapters;
    public int loraSwaps;
}
