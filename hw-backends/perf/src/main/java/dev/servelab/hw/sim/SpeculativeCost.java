package dev.servelab.hw.sim;

import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.spi.SpeculativeDecoding.Method;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.operator.IterationShape;
import dev.servelab.hw.perf.operator.Operator;

/**
 * What speculative decoding adds to an iteration beyond the target's forward pass over every verified
 * token (which the executors already charge, the batch counting the proposed tokens): the LM head on
 * the proposed positions, and the draft steps that proposed the tokens verified now, for the
 * {@code n} verifying sequences:
 * <ul>
 *   <li>{@code draft-model}: k sequential decode steps of the draft model (a catalog model) on the
 *       same GPUs and tensor parallelism (Leviathan et al. 2023; vLLM's draft-model proposer);</li>
 *   <li>{@code eagle} / {@code mtp}: k steps of one target decoder layer plus the target's LM head
 *       (EAGLE, Li et al. 2024; DeepSeek-V3's MTP module);</li>
 *   <li>{@code ngram}: a CPU prompt lookup, {@value #NGRAM_LOOKUP_NANOS} ns per iteration (vLLM's
 *       n-gram proposer runs on the CPU; no GPU work).</li>
 * </ul>
 * The draft's own prefill of new prompts and its weights' memory are not charged (see docs/pipelines.md).
 */
final class SpeculativeCost {
    /** CPU time of one iteration's n-gram lookups. */
    static final double NGRAM_LOOKUP_NANOS = 50_000;
    private static final int[] NO_INTS = new int[0];
    private static final boolean[] NO_FLAGS = new boolean[0];

    private final SpeculativeDecoding setting;
    private final int k;
    private final PerformanceModel target;
    private final PerformanceModel draft;
    private final ModelSpec draftSpec;
    private int[] contexts = new int[64];

    private SpeculativeCost(SpeculativeDecoding setting, PerformanceModel target, PerformanceModel draft) {
        this.setting = setting;
        this.k = setting.numSpeculativeTokens();
        this.target = target;
        this.draft = draft;
        this.draftSpec = draft == null ? null : draft.model();
    }

    /** The cost model of {@code ctx}'s speculative setting, or null when the pool has none. */
    static SpeculativeCost of(ExecutorContext ctx, PerformanceModel target, String weightDtype, String kvDtype) {
        SpeculativeDecoding s = ctx.speculative();
        if (s == null) return null;
        PerformanceModel draft = null;
        if (s.method() == Method.DRAFT_MODEL) {
            draft = CatalogLookup.draftModel(ctx, s.draftModel(), weightDtype, kvDtype)
                    .withKernelLaunchNanos(PerformanceModel.DEFAULT_KERNEL_GAP_NANOS).withCpuOverhead(0, 0);
        }
        return new SpeculativeCost(s, target, draft);
    }

    /**
     * Operator-level extra time over the iteration {@code shape} (verify entries as decodes of one row):
     * the proposed rows in every linear layer, the LM head, logits gather and sampling on them (marginal
     * over what the shape already charges), plus the draft steps.
     */
    double operatorNanos(IterationBatch b, IterationShape shape) {
        int n = b.verifyingSequences();
        if (n == 0) return 0;
        int proposed = b.proposedTokens();
        int emitting = shape.emittingSequences();
        double rows = target.extraRowsNanos(shape.totalTokens(), proposed)
                + extra(Operator.LM_HEAD, emitting, proposed) + extra(Operator.SAMPLING, emitting, proposed)
                + target.timer().logitsGatherNanos(emitting + proposed) - target.timer().logitsGatherNanos(emitting);
        return rows + k * operatorDraftStepNanos(b, n);
    }

    private double extra(Operator op, int base, int more) {
        return target.timer().nanos(op, base + more) - target.timer().nanos(op, base);
    }

    private double operatorDraftStepNanos(IterationBatch b, int n) {
        return switch (setting.method()) {
            case NGRAM -> NGRAM_LOOKUP_NANOS / k;
            case EAGLE, MTP -> target.decodeLayerNanos(n, b.verifyingContextTokens()) + target.timer().nanos(Operator.LM_HEAD, n)
                    + target.timer().logitsGatherNanos(n) + target.timer().nanos(Operator.SAMPLING, n);
            case DRAFT_MODEL -> draft.iterationNanos(new IterationShape(0, NO_INTS, NO_INTS, NO_FLAGS, n, verifyingContexts(b, n)));
        };
    }

    /** The contexts of the verifying entries, in a reused array. */
    private int[] verifyingContexts(IterationBatch b, int n) {
        if (contexts.length < n) contexts = new int[Math.max(n, contexts.length * 2)];
        int j = 0;
        for (int i = 0, size = b.size(); i < size && j < n; i++) {
            if (!b.isPrefill(i) && b.newTokens(i) > 1) contexts[j++] = b.contextTokens(i);
        }
        return contexts;
    }

    /**
     * Roofline extra time (the whole-model roofline's own arithmetic): the LM head FLOPs on the proposed
     * positions are added by the caller; this is the k draft steps, each
     * {@code max(FLOPs / flopRate, bytes / byteRate)} over the n verifying sequences.
     */
    double rooflineDraftNanos(IterationBatch b, ModelSpec targetSpec, double weightBytesPerParam, double kvBytesPerElement,
                              double flopsPerNanos, double bytesPerNanos) {
        int n = b.verifyingSequences();
        if (n == 0) return 0;
        if (setting.method() == Method.NGRAM) return NGRAM_LOOKUP_NANOS;
        ModelSpec m = setting.method() == Method.DRAFT_MODEL ? draftSpec : targetSpec;
        double layers = setting.method() == Method.DRAFT_MODEL ? m.numLayers() : 1;
        double layerShare = layers / m.numLayers();
        long embedding = m.embeddingParams() * (m.tiedEmbeddings() ? 1 : 2);
        double context = b.verifyingContextTokens() + n;
        double flops = 2.0 * (m.activeParameterCount() - embedding) * layerShare * n
                + 4.0 * layers * m.attentionWidth() * context + 2.0 * m.embeddingParams() * n;
        double bytes = ((m.parameterCount() - embedding) * layerShare + m.embeddingParams()) * weightBytesPerParam
                + 2.0 * layers * m.numKvHeads() * m.headDim() * kvBytesPerElement * context;
        return k * Math.max(flops / flopsPerNanos, bytes / bytesPerNanos);
    }
}
