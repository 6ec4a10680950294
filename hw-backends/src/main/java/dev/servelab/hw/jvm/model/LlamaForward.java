package dev.servelab.hw.jvm.model;

import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.kv.PagedKvCache;
import dev.servelab.hw.kernels.ActivationKernels;
import dev.servelab.hw.kernels.AttentionKernels;
import dev.servelab.hw.kernels.GatherKernels;
import dev.servelab.hw.kernels.NormKernels;
import dev.servelab.hw.kernels.RopeKernels;
import dev.servelab.hw.kernels.SoftmaxKernels;
import java.util.Arrays;

/**
 * The Llama forward pass over one batched iteration (pre-norm blocks: RMSNorm, attention with RoPE
 * and grouped-query heads, residual; RMSNorm, SwiGLU MLP, residual; final RMSNorm and output
 * projection), as in Touvron et al., "LLaMA", 2023. All rows of the iteration, prefill chunks and
 * decode tokens of different sequences alike, go through each matmul together; attention reads
 * each sequence's own blocks through its block table. Not thread-safe: one iteration at a time.
 */
public final class LlamaForward {
    private final LlamaWeights w;
    private final LlamaConfig c;
    private final PagedKvCache cache;
    private final KernelRunner runner;
    private final MatmulPath path;
    private final Activations a;

    public LlamaForward(LlamaWeights weights, PagedKvCache cache, KernelRunner runner, MatmulPath path) {
        this.w = weights;
        this.c = weights.config();
        this.cache = cache;
        this.runner = runner;
        this.path = path;
        this.a = new Activations(c);
    }

    /**
     * Runs the iteration, writing its K/V into the cache, and returns the logits of each sequence's
     * last token, {@code [sequence][vocab]} in one array (valid until the next call).
     */
    public float[] forward(BatchLayout b) {
        int t = b.tokenCount();
        a.ensure(t, b.sequenceCount(), b.maxContext());
        w.tokenEmbedding().gatherRows(runner, b.tokens(), a.x, t);
        for (int row = 0; row < t; row++) {
            Arrays.fill(a.scoreLengths, row * c.heads(), (row + 1) * c.heads(), b.positions()[row] + 1);
        }
        for (int l = 0; l < c.layers(); l++) {
            LayerWeights layer = w.layers().get(l);
            rmsNorm(a.x, layer.attnNorm(), a.xb, t);
            attention(b, l, layer, t);
            layer.wo().matmul(path, runner, a.att, a.xb2, t);
            add(a.x, a.xb2, t * c.dim());
            rmsNorm(a.x, layer.ffnNorm(), a.xb, t);
            layer.gate().matmul(path, runner, a.xb, a.hb, t);
            layer.up().matmul(path, runner, a.xb, a.hb2, t);
            float[] gate = a.hb, up = a.hb2;
            runner.parallelFor(t * c.hiddenDim(), 8, (from, to) -> ActivationKernels.swiglu(gate, up, from, to));
            layer.down().matmul(path, runner, a.hb, a.xb2, t);
            add(a.x, a.xb2, t * c.dim());
        }
        int s = b.sequenceCount();
        float[] x = a.x, last = a.last;
        int[] lastRows = b.lastToken();
        runner.parallelFor(s * c.dim(), 1, (from, to) -> GatherKernels.gatherF32(x, lastRows, last, c.dim(), from, to));
        rmsNorm(a.last, w.outputNorm(), a.lastNorm, s);
        w.output().matmul(path, runner, a.lastNorm, a.logits, s);
        return a.logits;
    }

    private void attention(BatchLayout b, int layer, LayerWeights lw, int t) {
        lw.wq().matmul(path, runner, a.xb, a.q, t);
        lw.wk().matmul(path, runner, a.xb, a.k, t);
        lw.wv().matmul(path, runner, a.xb, a.v, t);
        float[] q = a.q, k = a.k, v = a.v, scores = a.scores, att = a.att;
        int[] pos = b.positions(), seq = b.tokenSeq(), tables = b.blockTables(), lengths = a.scoreLengths;
        int hd = c.headDim(), heads = c.heads(), kvHeads = c.kvHeads(), stride = b.maxContext();
        int maxBlocks = b.maxBlocks(), bs = cache.spec().blockSizeTokens();
        float theta = c.ropeTheta();
        float[] factors = w.ropeFreqFactors();
        runner.parallelFor(t * heads * hd / 2, 16, (f, e) -> RopeKernels.rope(q, pos, factors, heads, hd, theta, f, e));
        runner.parallelFor(t * kvHeads * hd / 2, 16, (f, e) -> RopeKernels.rope(k, pos, factors, kvHeads, hd, theta, f, e));
        float[] kc = cache.keys(layer), vc = cache.values(layer);
        int[] slots = b.slots();
        runner.parallelFor(t * c.kvDim(), 1, (f, e) -> AttentionKernels.kvWrite(k, v, kc, vc, slots, c.kvDim(), f, e));
        int cost = stride * hd;
        runner.parallelFor(t * heads, cost, (f, e) -> AttentionKernels.scores(q, kc, scores, pos, seq, tables,
                maxBlocks, bs, heads, kvHeads, hd, stride, f, e));
        runner.parallelFor(t * heads, stride * 4, (f, e) -> SoftmaxKernels.softmaxRows(scores, lengths, stride, f, e));
        runner.parallelFor(t * heads, cost, (f, e) -> AttentionKernels.values(scores, vc, att, pos, seq, tables,
                maxBlocks, bs, heads, kvHeads, hd, stride, f, e));
    }

    private void rmsNorm(float[] x, float[] weight, float[] out, int rows) {
        float[] inv = a.inv;
        int dim = c.dim();
        float eps = c.rmsEps();
        runner.parallelFor(rows, dim, (from, to) -> NormKernels.rmsInverse(x, inv, dim, eps, from, to));
        runner.parallelFor(rows * dim, 2, (from, to) -> NormKernels.rmsScale(x, inv, weight, out, dim, from, to));
    }

    private void add(float[] x, float[] y, int n) {
        runner.parallelFor(n, 1, (from, to) -> ActivationKernels.addInPlace(x, y, from, to));
    }

    public LlamaConfig config() {
        return c;
    }
}
