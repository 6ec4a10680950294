package dev.servelab.hw.perf.vidur;

import dev.servelab.hw.perf.operator.IterationShape;

/**
 * Vidur's batch execution time from its lookup tables, the arithmetic of its
 * {@code SklearnExecutionTimePredictor} and {@code ExecutionTime} (microsoft/vidur, MIT) with
 * its default settings: per layer, the attention block ({@code attn_pre_proj}, {@code attn_post_proj},
 * {@code attn_rope}, {@code attn_kv_cache_save}, decode and prefill attention, one all-reduce,
 * {@code input_layernorm}), the MLP block ({@code mlp_up_proj}, {@code mlp_down_proj},
 * {@code mlp_act}, one all-reduce, {@code post_attention_layernorm}) and one {@code add}; token
 * counts rounded up to a multiple of 8 ({@code attn_kv_cache_save} excepted); decode attention
 * looked up at (decode batch size, mean processed tokens rounded up to the 64-token granularity; a
 * decode's processed tokens are its KV context plus the token it decodes, Vidur's
 * {@code num_processed_tokens}, which counts the token prefill emitted) and
 * prefill attention at (sum of rounded KV sizes, round(sqrt(sum of squared chunks))^2), each
 * x 1.1 when more than one sequence shares the kernel (GQA models); all-reduce plus 0.02 ms NCCL
 * launch overhead; the whole layer times the layers of a pipeline stage plus a send/recv. CPU
 * overheads are off, as in Vidur's default ({@code skip_cpu_overhead_modeling}).
 */
public final class VidurBatchTimer {
    public static final double BATCHING_OVERHEAD_FRACTION = 0.1;
    public static final double NCCL_CPU_LAUNCH_OVERHEAD_MS = 0.02;

    private final VidurLatencyTables tables;
    private final int layersPerStage;
    private final boolean tensorParallel;
    private final boolean pipelineParallel;
    private final boolean gqa;

    /**
     * @param layers total decoder layers; {@code tp}, {@code pp} the parallel degrees the tables
     *     were produced for; {@code gqa} whether query heads outnumber KV heads (the batching
     *     overhead applies only then)
     */
    public VidurBatchTimer(VidurLatencyTables tables, int layers, int tp, int pp, boolean gqa) {
        this.tables = tables;
        this.layersPerStage = layers / pp;
        this.tensorParallel = tp > 1;
        this.pipelineParallel = pp > 1;
        this.gqa = gqa;
        if (tensorParallel && !tables.has("all_reduce")) {
            throw new IllegalArgumentException(tables.folder() + ": TP " + tp + " needs all_reduce.csv");
        }
        if (pipelineParallel && !tables.has("send_recv")) {
            throw new IllegalArgumentException(tables.folder() + ": PP " + pp + " needs send_recv.csv");
        }
    }

    /** The time Vidur predicts for one pipeline stage's forward pass over this batch, in ns. */
    public long iterationNanos(IterationShape s) {
        return Math.round(iterationMs(s) * 1e6);
    }

    public double iterationMs(IterationShape s) {
        int tokens = (int) s.totalTokens();
        if (tokens == 0) {
            return 0;
        }
        int rounded = (tokens + 7) / 8 * 8;
        double allReduce = tensorParallel ? tables.tokenMs("all_reduce", rounded) + NCCL_CPU_LAUNCH_OVERHEAD_MS : 0;
        double attention = tables.tokenMs("attn_pre_proj", rounded) + tables.tokenMs("attn_post_proj", rounded)
                + tables.tokenMs("attn_rope", rounded) + tables.tokenMs("attn_kv_cache_save", tokens)
                + decodeMs(s) + prefillMs(s) + allReduce + tables.tokenMs("input_layernorm", rounded);
        double mlp = tables.tokenMs("mlp_up_proj", rounded) + tables.tokenMs("mlp_down_proj", rounded)
                + tables.tokenMs("mlp_act", rounded) + allReduce + tables.tokenMs("post_attention_layernorm", rounded);
        double block = attention + mlp + tables.tokenMs("add", rounded);
        double sendRecv = pipelineParallel ? tables.tokenMs("send_recv", rounded) : 0;
        return block * layersPerStage + sendRecv;
    }

    private double decodeMs(IterationShape s) {
        int n = s.decodeCount();
        if (n == 0) {
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += s.decodeContext()[i] + 1; // Vidur's num_processed_tokens (sklearn_execution_time_predictor)
        }
        int g = tables.granularity();
        int mean = (int) (sum / n);
        int kv = (mean + g - 1) / g * g;
        return tables.decodeMs(n, kv) * (1 + overhead(n));
    }

    private double prefillMs(IterationShape s) {
        int n = s.prefillCount();
        if (n == 0) {
            return 0;
        }
        int g = tables.granularity();
        int kv = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            kv += (s.prefillContext()[i] + g - 1) / g * g;
            squares += (double) s.prefillTokens()[i] * s.prefillTokens()[i];
        }
        long chunk = Math.round(Math.sqrt(squares));
        double ms = tables.prefillMs(Math.min(kv, tables.maxTokens()), chunk * chunk);
        if (Double.isNaN(ms)) {
            throw new IllegalArgumentException("Vidur's prefill table has no entry for kv " + kv + ", chunk " + chunk
                    + " (its range is kv <= " + tables.maxTokens() + ", chunk <= " + tables.maxTokens() + ")");
        }
        return ms * (1 + overhead(n));
    }

    private double overhead(int sequences) {
        return gqa && sequences > 1 ? BATCHING_OVERHEAD_FRACTION : 0;
    }
}
