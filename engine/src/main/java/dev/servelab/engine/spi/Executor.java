package dev.servelab.engine.spi;

/**
 * Runs iterations for one replica. This is the seam between the two modes: in simulation an
 * executor is a performance model that returns how long the iteration takes on the virtual clock;
 * live, an executor runs the batch on real hardware and returns the measured duration. Plugin ids
 * {@code exec.*}.
 */
public interface Executor {
    /** Called once per replica, before the first iteration. */
    void attach(ExecutorContext context);

    /** Runs (or predicts) one iteration and returns its duration in nanoseconds (at least 1). */
    long iterationNanos(IterationBatch batch);

    /**
     * KV blocks of {@code blockSizeTokens} this replica can hold (vLLM's memory model), or -1 when
     * the executor cannot tell; the pipeline's {@code kv_cache.capacity_blocks} then must be given.
     */
    default int kvCapacityBlocks(int blockSizeTokens) {
        return -1;
    }

    /**
     * True for executors that run batches on real hardware and return measured durations; only they
     * may be used with {@code servelab run --live}.
     */
    default boolean isLive() {
        return false;
    }

    /**
     * The backend this executor runs on once attached (asked for, used, why they differ), or null for
     * executors without such a choice (simulated ones).
     */
    default BackendUse backendUse() {
        return null;
    }

    /**
     * True for executors that time speculative decoding (a decode entry verifying several proposed
     * tokens plus the draft cost, see {@link IterationBatch#verifyingSequences()}); a pool with
     * {@code speculative} refuses any other executor.
     */
    default boolean supportsSpeculative() {
        return false;
    }

    /**
     * Bytes of one LoRA adapter slot of the attached pool's {@code lora} setting (its A and B matrices at
     * {@code max_lora_rank} over the targeted matrices of every layer), or -1 for executors that do not model
     * multi-LoRA; a pool with {@code lora} refuses those.
     */
    default long loraAdapterBytes() {
        return -1;
    }

    /**
     * For a live executor that verifies proposed tokens for real: how many of entry {@code i}'s proposals
     * the target accepted in the last iteration ({@code 0..newTokens(i) - 1}); -1 (the default) lets the
     * pool's {@code speculative.acceptance} setting draw it, as in simulation.
     */
    default int acceptedTokens(int i) {
        return -1;
    }

    /** Energy of the last iteration in joules, or NaN when unknown. */
    default double lastIterationJoules() {
        return Double.NaN;
    }

    /**
     * KV-cache bytes per token of the model this replica runs (all layers, K and V, its KV dtype), or NaN when the
     * executor cannot tell; tiered KV offload sizes its transfers and GiB capacities with it.
     */
    default double kvBytesPerToken() {
        return Double.NaN;
    }
}
