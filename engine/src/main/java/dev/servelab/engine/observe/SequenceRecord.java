package dev.servelab.engine.observe;

import dev.servelab.engine.spi.SequenceView;

/**
 * What observers read of a request that has ended (finished or failed): its replica, its timestamps and,
 * for sampled requests, every token's time. The engine's own sequence implements it; observers keep nothing
 * beyond the call.
 */
public interface SequenceRecord extends SequenceView {
    int replica();

    long firstScheduledNanos();

    long firstTokenNanos();

    long finishNanos();

    /** Prompt tokens served from the prefix cache, summed over every (re)admission. */
    int totalCachedTokens();

    /** Of {@link #totalCachedTokens()}, the tokens loaded from the CPU tier of tiered offload (0 without). */
    default int cachedTokensCpu() {
        return 0;
    }

    /** Of {@link #totalCachedTokens()}, the tokens loaded from the disk/remote tier (0 without). */
    default int cachedTokensDisk() {
        return 0;
    }

    /** Emission time of every token, for sampled sequences; null otherwise. */
    LongList tokenTimes();

    /** Times this sequence was preempted, for sampled sequences; null otherwise. */
    LongList preemptionTimes();

    boolean isSampled();
}
