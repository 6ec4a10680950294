package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.gguf.GgufFile;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import dev.servelab.hw.jvm.kv.PagedKvCache;
import dev.servelab.hw.jvm.model.BatchLayout;
import dev.servelab.hw.jvm.model.LlamaConfig;
import dev.servelab.hw.jvm.model.LlamaForward;
import dev.servelab.hw.jvm.model.LlamaWeightLoader;
import dev.servelab.hw.jvm.model.LlamaWeights;
import dev.servelab.hw.jvm.tokenizer.GgufTokenizers;
import dev.servelab.hw.jvm.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The live JVM executor: a Llama-family GGUF model, a paged KV cache of a fixed block pool, and
 * {@link #run(Iteration)} for one batched iteration as the scheduler chose it. Block tables are the
 * caller's: it allocates blocks of {@link #kvCapacity()} (for instance with a
 * {@link dev.servelab.hw.jvm.kv.KvBlockAllocator}) and passes each sequence's table. The kernels run
 * on a {@link KernelBackend}: the JVM's unless another one is given.
 */
public final class JvmLlamaExecutor implements AutoCloseable {
    private final LlamaWeights weights;
    private final Tokenizer tokenizer;
    private final KvCacheSpec kv;
    private final LlamaForward forward;
    private final KernelBackend backend;
    private final boolean ownsBackend;

    private JvmLlamaExecutor(LlamaWeights weights, Tokenizer tokenizer, KvCacheSpec kv, KernelBackend backend,
                             boolean ownsBackend) {
        this.ownsBackend = ownsBackend;
        this.weights = weights;
        this.tokenizer = tokenizer;
        this.kv = kv;
        this.backend = backend;
        PagedKvCache cache = new PagedKvCache(kv, weights.config().layers(), weights.config().kvDim());
        this.forward = new LlamaForward(weights, cache, backend);
    }

    /** Loads {@code gguf} with the best kernel runner over all processors and the fastest matmul. */
    public static JvmLlamaExecutor open(Path gguf, KvCacheSpec kv) throws IOException {
        return open(gguf, kv, KernelRunner.best(), MatmulPath.best());
    }

    /** Loads {@code gguf}; the executor owns {@code runner} and closes it. */
    public static JvmLlamaExecutor open(Path gguf, KvCacheSpec kv, KernelRunner runner, MatmulPath path)
            throws IOException {
        return open(gguf, config -> kv, new JvmKernelBackend(runner, path));
    }

    /**
     * Loads {@code gguf} with a KV cache of {@code blockSizeTokens}-token blocks, as many as fit
     * {@code kvBudgetBytes} for this model (F32 K and V, all layers); see {@link #kvCapacity()}.
     */
    public static JvmLlamaExecutor open(Path gguf, int blockSizeTokens, long kvBudgetBytes) throws IOException {
        return open(gguf, blockSizeTokens, kvBudgetBytes, JvmKernelBackend.best());
    }

    /**
     * As {@link #open(Path, int, long)}, running the kernels on {@code backend}; the executor owns
     * it and closes it (also when loading fails).
     */
    public static JvmLlamaExecutor open(Path gguf, int blockSizeTokens, long kvBudgetBytes, KernelBackend backend)
            throws IOException {
        return open(gguf, config -> KvCacheSpec.forBudget(kvBudgetBytes, blockSizeTokens, config.layers(),
                config.kvDim()), backend);
    }

    /**
     * Loads {@code gguf} (a speculative-decoding draft) on {@code owner}'s kernel backend, so that the two
     * models take turns on the same threads instead of two runners spinning against each other; closing
     * it leaves the backend to {@code owner}.
     */
    public static JvmLlamaExecutor openSharing(Path gguf, int blockSizeTokens, long kvBudgetBytes, JvmLlamaExecutor owner)
            throws IOException {
        return open(gguf, config -> KvCacheSpec.forBudget(kvBudgetBytes, blockSizeTokens, config.layers(), config.kvDim()),
                owner.backend, false);
    }

    /** As {@link #openSharing(Path, int, long, JvmLlamaExecutor)} with a given cache geometry. */
    public static JvmLlamaExecutor openSharing(Path gguf, KvCacheSpec kv, JvmLlamaExecutor owner) throws IOException {
        return open(gguf, config -> kv, owner.backend, false);
    }

    private static JvmLlamaExecutor open(Path gguf, Function<LlamaConfig, KvCacheSpec> kv, KernelBackend backend)
            throws IOException {
        return open(gguf, kv, backend, true);
    }

    private static JvmLlamaExecutor open(Path gguf, Function<LlamaConfig, KvCacheSpec> kv, KernelBackend backend,
                                         boolean owns) throws IOException {
        try (GgufFile file = GgufFile.open(gguf)) {
            LlamaWeights weights = LlamaWeightLoader.load(file);
            Tokenizer tokenizer = GgufTokenizers.from(file.metadata(), gguf.toString());
            return new JvmLlamaExecutor(weights, tokenizer, kv.apply(weights.config()), backend, owns);
        } catch (IOException | RuntimeException e) {
            if (owns) backend.close();
            throw e;
        }
    }

    /**
     * Runs one forward pass; returns each sequence's last-token logits and greedy next token (and the
     * greedy choice after every token of a chunk that asked for all logits).
     */
    public synchronized IterationResult run(Iteration iteration) {
        long start = System.nanoTime();
        BatchLayout.Builder builder = BatchLayout.builder(kv);
        for (SequenceChunk s : iteration.sequences()) {
            for (int token : s.tokenIds()) {
                if (token < 0 || token >= weights.config().vocabSize()) {
                    throw new IllegalArgumentException("sequence " + s.sequenceId() + ": token id " + token
                            + " is outside the vocabulary of " + weights.config().vocabSize());
                }
            }
            builder.add("sequence " + s.sequenceId(), s.tokenIds(), s.startPosition(), s.blockTable(), s.allLogits());
        }
        BatchLayout batch = builder.build();
        float[] logits = forward.forward(batch);
        int vocab = weights.config().vocabSize();
        int rows = batch.outputCount();
        int[] next = new int[rows];
        backend.argmaxRows(logits, next, vocab, rows);
        List<SequenceOutput> outputs = new ArrayList<>(batch.sequenceCount());
        int row = 0;
        for (SequenceChunk s : iteration.sequences()) {
            int n = s.allLogits() ? s.tokenIds().length : 1;
            int last = row + n - 1;
            outputs.add(new SequenceOutput(s.sequenceId(), Arrays.copyOfRange(logits, last * vocab, (last + 1) * vocab),
                    next[last], Arrays.copyOfRange(next, row, row + n)));
            row += n;
        }
        return new IterationResult(outputs, System.nanoTime() - start);
    }

    /** Block size and number of blocks of the KV cache. */
    public KvCacheSpec kvCapacity() {
        return kv;
    }

    public LlamaConfig config() {
        return weights.config();
    }

    public LlamaWeights weights() {
        return weights;
    }

    /** The backend the kernels run on. */
    public KernelBackend backend() {
        return backend;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** A one-line description: model shape, the backend (matmul path and threads on the JVM) and the cache. */
    public String describe() {
        LlamaConfig c = weights.config();
        return "llama dim=" + c.dim() + " layers=" + c.layers() + " heads=" + c.heads() + "/" + c.kvHeads()
                + " vocab=" + c.vocabSize() + " " + backend.describe()
                + " kv=" + kv.blockCount() + "x" + kv.blockSizeTokens();
    }

    @Override
    public void close() {
        if (ownsBackend) backend.close();
    }
}
