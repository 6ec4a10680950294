package dev.servelab.hw.jvm;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.SpeculativeDecoding;
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
 *
 * <p>In a pool with {@code speculative: {method: draft-model, draft_model: FILE.gguf, …}} the executor
 * runs speculative decoding for real (Leviathan et al., ICML 2023): the draft GGUF (same vocabulary,
 * e.g. the target's first layers written by {@code servelab model draft}) proposes up to k tokens per
 * verifying sequence greedily ({@link DraftProposer}), the target verifies each sequence's last token
 * and its proposals in the iteration's one batched forward pass, and the longest agreeing prefix plus
 * the target's own next token are emitted as one burst ({@link #acceptedTokens}); the output tokens are
 * exactly plain greedy decoding's. Positions of rejected proposals are overwritten by the next step
 * (the engine advances the sequence by 1 + accepted only). The draft's passes are inside the measured
 * iteration time. {@code acceptance_out} writes the measured acceptance ({@link SpeculativeStats}), the
 * file a simulated pool reads with {@code acceptance: {file: …}}.
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
                    + " the reason stored in the run") String backend,
            @Setting(summary = "speculative pools: write the measured acceptance (per-position rates, accepted counts)"
                    + " to this JSON file, relative to the pipeline file (empty: not written); a simulated pool reads it"
                    + " with speculative.acceptance: {file: …}") String acceptanceOut) {
        public Settings() {
            this("tiny.gguf", 64, 3, 3000, 0, KernelBackends.JVM, "");
        }

        /** Without a measured-acceptance file. */
        public Settings(String modelFile, long kvBudgetMib, int warmupRounds, long warmupMs, double minIterationMs,
                        String backend) {
            this(modelFile, kvBudgetMib, warmupRounds, warmupMs, minIterationMs, backend, "");
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
    private DraftProposer draft;
    private SpeculativeStats stats;
    private Path acceptanceOut;
    private int[] accepted = new int[0];

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
        if (ctx.speculative() != null) attachDraft(ctx, ctx.speculative());
    }

    /** Loads the draft GGUF {@code speculative.draft_model} names (the draft-model method is the one implemented live). */
    private void attachDraft(ExecutorContext ctx, SpeculativeDecoding spec) {
        if (spec.method() != SpeculativeDecoding.Method.DRAFT_MODEL) {
            throw new ServeLabException("speculative.method: exec.jvm runs method draft-model (a draft GGUF file), not "
                    + spec.method().id());
        }
        Path file = ctx.resolve(spec.draftModel());
        if (!Files.isReadable(file)) {
            throw new ServeLabException("speculative.draft_model: " + file + " not found (make a layer-skip draft with:"
                    + " servelab model draft --from " + ctx.resolve(settings.modelFile()) + " --layers 1 --out " + file + ")");
        }
        try {
            JvmLlamaExecutor d = JvmLlamaExecutor.openSharing(file, ctx.blockSizeTokens(), settings.kvBudgetMib() << 20, model);
            if (d.config().vocabSize() != model.config().vocabSize()) {
                d.close();
                throw new ServeLabException("speculative.draft_model: " + file + " has a vocabulary of " + d.config().vocabSize()
                        + ", the target " + model.config().vocabSize() + " (a draft shares the target's tokenizer)");
            }
            new LiveCalibration(d, 1).warmUp(settings.warmupRounds(), settings.warmupMs() / 2);
            draft = new DraftProposer(d);
        } catch (IOException e) {
            throw new ServeLabException("speculative.draft_model: cannot load " + file + ": " + e.getMessage(), e);
        }
        stats = new SpeculativeStats(spec.numSpeculativeTokens());
        String out = settings.acceptanceOut();
        acceptanceOut = out == null || out.isBlank() ? null : ctx.resolve(out);
    }

    @Override
    public boolean supportsSpeculative() {
        return true;
    }

    /** Proposals of entry {@code i} the target accepted in the last iteration, -1 for an entry that did not verify. */
    @Override
    public int acceptedTokens(int i) {
        return i < accepted.length ? accepted[i] : -1;
    }

    /** The acceptance measured so far (null outside speculative pools). */
    public SpeculativeStats speculativeStats() {
        return stats;
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
        int n = batch.size();
        if (accepted.length < n) accepted = new int[Math.max(n, 2 * accepted.length)];
        Arrays.fill(accepted, 0, n, -1);
        int[][] proposals = draft == null ? null : propose(batch);
        List<SequenceChunk> chunks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SequenceView s = batch.sequence(i);
            int[] all = tokensOf(s);
            int from = batch.contextTokens(i);
            if (proposals != null && proposals[i] != null) {
                int[] verify = new int[1 + proposals[i].length];
                verify[0] = all[from];
                System.arraycopy(proposals[i], 0, verify, 1, proposals[i].length);
                chunks.add(new SequenceChunk(s.id(), verify, from, s.blockTable(), true));
            } else {
                chunks.add(new SequenceChunk(s.id(), Arrays.copyOfRange(all, from, from + batch.newTokens(i)), from,
                        s.blockTable()));
            }
        }
        IterationResult result = model.run(new Iteration(chunks));
        for (int i = 0; i < n; i++) {
            if (proposals != null && proposals[i] != null) {
                verified(batch, i, proposals[i], result.outputs().get(i).rowTokens());
            } else if (batch.emitsToken(i)) {
                append(batch.sequence(i), batch.sequence(i).generatedTokens(), result.outputs().get(i).greedyToken());
            }
        }
        long floor = Math.round(settings.minIterationMs() * 1e6) - (System.nanoTime() - start);
        if (floor > 0) LockSupport.parkNanos(floor);
        return System.nanoTime() - start;
    }

    /** The draft's proposals for each verify entry (a decode entry of more than one token), null for the others. */
    private int[][] propose(IterationBatch batch) {
        int n = batch.size();
        int[][] out = new int[n][];
        List<DraftProposer.Ask> asks = new ArrayList<>();
        List<Integer> who = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (batch.isPrefill(i) || batch.newTokens(i) < 2) continue;
            SequenceView s = batch.sequence(i);
            asks.add(new DraftProposer.Ask(s.id(), tokensOf(s), batch.contextTokens(i) + 1, batch.newTokens(i) - 1));
            who.add(i);
        }
        if (asks.isEmpty()) return out;
        int[][] p = draft.propose(asks);
        for (int j = 0; j < who.size(); j++) out[who.get(j)] = p[j];
        return out;
    }

    /** Greedy verification of entry {@code i}: emit the agreeing proposals and the target's next token as one burst. */
    private void verified(IterationBatch batch, int i, int[] proposals, int[] rows) {
        SequenceView s = batch.sequence(i);
        int a = SpeculativeStats.acceptedPrefix(proposals, rows);
        accepted[i] = a;
        stats.record(proposals.length, a);
        draft.rollBack(s.id(), batch.contextTokens(i) + 1 + a);
        int index = s.generatedTokens();
        for (int j = 0; j <= a; j++) {
            if (append(s, index + j, j < a ? proposals[j] : rows[a])) break;
        }
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

    /** Appends the sequence's token number {@code index}; true when the request is done (its last token, or the channel ended it). */
    private boolean append(SequenceView s, int index, int token) {
        int[] all = tokens.get(s.id());
        int length = lengths.get(s.id());
        if (length < all.length) all[length] = token;
        lengths.put(s.id(), length + 1);
        boolean ended = channel.onToken(s.id(), index, token);
        if (ended || index + 1 >= s.request().outputTokens()) {
            tokens.remove(s.id());
            lengths.remove(s.id());
            if (draft != null) finished(s.id());
            return true;
        }
        return false;
    }

    /** A speculative request finished: its draft blocks go back, and the measured acceptance is written. */
    private void finished(long id) {
        draft.release(id);
        if (acceptanceOut == null) return;
        try {
            stats.write(acceptanceOut);
        } catch (IOException e) {
            throw new ServeLabException("executor.acceptance_out: cannot write " + acceptanceOut + ": " + e.getMessage(), e);
        }
    }
}
