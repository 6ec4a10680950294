package dev.servelab.hw.jvm.tiny;

/** A few sentences, written for ServeLab, from which the generated models learn their BPE merges. */
final class TinyCorpus {
    static final String TEXT = """
            The scheduler picks the requests that run in the next iteration. Each iteration is one \
            forward pass over the batch: the prefill of new prompts and the decode of running ones. \
            The router sends each request to a replica, and the replica keeps the keys and values of \
            every token in a paged cache. When the cache is full, the scheduler preempts a request \
            and the eviction policy chooses which blocks to drop. The time to the first token and \
            the time per output token are the numbers that users see. A serving system that shares \
            the prefix of the prompt between requests saves both memory and time. The simulator \
            and the live engine run the same pipeline, so the difference between them is measured, \
            not guessed. In the end, the throughput of the system is the number of tokens that it \
            returns in one second, and the latency is the time that the user waits for them.
            """;

    private TinyCorpus() {
    }
}
