package dev.servelab.hw.jvm;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.TokenChannel;
import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.jvm.backend.KernelBackends;
import dev.servelab.hw.backend.KernelBackend;

import dev.servelab.hw.jvm.tiny.GeneratedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The live JVM backend as a replica executor: every iteration the pipeline's scheduler composed is
 * run as one batched forward pass of a real Llama-family model ({@link JvmLlamaExecutor}) over a
 * paged KV cache whose block ids are exactly the engine's (the engine's KV cache is sized to this
 * executor's block pool), and the measured wall time is returned. Prompts are synthesised from the
 * trace deterministically ({@link SyntheticTokens}) unless the run's {@link TokenChannel} supplies the
 * real prompt ids (the edge agent's HTTP prompts); generated tokens are the model's greedy choices, fed
 * back on the next decode step and reported to that channel as they are produced; generation runs to
 * the trace's output length (EOS ignored, as in {@code vllm bench serve}) unless the channel ends a
 * request earlier. {@code min_iteration_ms} holds each iteration to a floor of wall time, so a fast
 * machine behaves like a slower device.
 */
@Plugin(id = "exec.jvm", summary = "Live: a real GGUF transformer on the JVM, batched over a paged KV cache",
        source = "llama.cpp GGUF; vLLM PagedAttention (SOSP'23)")
public final class LiveJvmExecutor implements Executor {
    public record Settings(
            @Setting(summary = "GGUF model file (relative to the pipeline file)") String modelFile,
            @Setting(summary = "memory for the KV cache (F32 K and V)", unit = "MiB", min = 1) long kvBudgetMib,
            @Setting(summary = "rounds of probe batches run before the first request, to warm up the JIT", min = 0)
            int warmupRounds,
            @Setting(summary = "keep warming up with probe batches until this much time has passed (the JIT needs"
                    + " a few seconds to compile the kernels for every batch shape)", unit = "ms", min = 0)
            long warmupMs,
            @Setting(summary = "minimum wall time per iteration, to emulate a slower device (0: none)", unit = "ms",
                    min = 0) double minIterationMs,
            @Setting(summary = "kernel backend: jvm (default), a backend id such as tornadovm, or auto (the first"
                    + " optional backend that opens); one that cannot open here runs on the JVM, with a warning and"
                    + " the reason stored in the run") String backend) {
        public Settings() {
            this("tiny.gguf", 64, 3, 3000, 0, KernelBackends.JVM);
        }

        /** The default warm-up time, no iteration floor. */
        public Settings(String modelFile, long kvBudgetMib, int warmupRounds) {
            this(modelFile, kvBudgetMib, warmupRounds, 3000, 0, KernelBackends.JVM);
        }

        /** On the JVM backend. */
        public Settings(String modelFile, long kvBudgetMib, int warmupRounds, long warmupMs) {
            this(modelFile, kvBudgetMib, warmupRounds, warmupMs, 0, KernelBackends.JVM);
        }
    }

    private final Settings settings;
    private final Function<Path, KernelBackend> backend;
    private BackendUse use;
    private final Map<Long, int[]> tokens = new HashMap<>();
    private final Map<Long, Integer> lengths = new HashMap<>();
    private JvmLlamaExecutor model;
    private TokenChannel channel = TokenChannel.NONE;

    public LiveJvmExecutor() {
        this(new Settings());
    }

    public LiveJvmExecutor(Settings settings) {
        this(settings, null);
    }

    /** The same executor with its kernels on the backend {@code backend} opens (another live plugin's core). */
    LiveJvmExecutor(Settings settings, Function<Path, KernelBackend> backend) {
        this.settings = settings;
        this.backend = backend;
    }

    @Override
    public void attach(ExecutorContext ctx) {
        Path file = GeneratedModels.ensure(ctx.resolve(settings.modelFile()), "executor.model_file", System.err::println);
        channel = ctx.tokens();
        KernelBackend kernels = kernels(file);
        try {
            model = JvmLlamaExecutor.open(file, ctx.blockSizeTokens(), settings.kvBudgetMib() << 20, kernels);
            new LiveCalibration(model, 1).warmUp(settings.warmupRounds(), settings.warmupMs());
        } catch (IOException | RuntimeException e) {
            throw new ServeLabException("executor.model_file: cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    /** The given backend (another live plugin's), else the one {@link Settings#backend()} asks for, falling back to the JVM's. */
    private KernelBackend kernels(Path file) {
        if (backend != null) {
            KernelBackend k = backend.apply(file);
            use = new BackendUse(k.name(), k.name(), "");
            return k;
        }
        String asked = settings.backend() == null || settings.backend().isBlank() ? KernelBackends.JVM : settings.backend();
        KernelBackends.BackendChoice c = KernelBackends.prefer(asked, () -> JvmKernelBackend.forModel(file));
        use = new BackendUse(c.requested(), c.used(), c.reason());
        return c.backend();
    }

    @Override
    public BackendUse backendUse() {
        return use;
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return model.kvCapacity().blockCount();
    }

    @Override
    public long iterationNanos(IterationBatch batch) {
        long start = System.nanoTime();
        List<SequenceChunk> chunks = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            SequenceView s = batch.sequence(i);
            int[] all = tokensOf(s);
            int from = batch.contextTokens(i);
            chunks.add(new SequenceChunk(s.id(), Arrays.copyOfRange(all, from, from + batch.newTokens(i)), from,
                    s.blockTable()));
        }
        int[] next = model.run(new Iteration(chunks)).greedyTokens();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.emitsToken(i)) append(batch.sequence(i), next[i]);
        }
        long floor = Math.round(settings.minIterationMs() * 1e6) - (System.nanoTime() - start);
        if (floor > 0) LockSupport.parkNanos(floor);
        return System.nanoTime() - start;
    }

    /** Prompt plus generated tokens so far (grown as tokens are emitted, dropped at the last one). */
    private int[] tokensOf(SequenceView s) {
        return tokens.computeIfAbsent(s.id(), id -> {
            int[] prompt = promptOf(s);
            int[] all = Arrays.copyOf(prompt, prompt.length + s.request().outputTokens());
            lengths.put(id, prompt.length);
            return all;
        });
    }

    /** The channel's real prompt ids, or ids synthesised from the trace. */
    private int[] promptOf(SequenceView s) {
        int[] real = channel.promptTokens(s.request());
        if (real == null) return SyntheticTokens.prompt(s.request(), model.config().vocabSize());
        if (real.length != s.request().promptTokens()) {
            throw new IllegalStateException("request " + s.id() + ": " + real.length + " prompt token ids for "
                    + s.request().promptTokens() + " prompt tokens");
        }
        return real;
    }

    private void append(SequenceView s, int token) {
        int[] all = tokens.get(s.id());
        int length = lengths.get(s.id());
        if (length < all.length) all[length] = token;
        lengths.put(s.id(), length + 1);
        boolean ended = channel.onToken(s.id(), s.generatedTokens(), token);
        if (ended || s.generatedTokens() + 1 >= s.request().outputTokens()) {
            tokens.remove(s.id());
            lengths.remove(s.id());
        }
    }
}
