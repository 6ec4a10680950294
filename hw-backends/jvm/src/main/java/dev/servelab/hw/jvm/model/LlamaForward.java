package dev.servelab.hw.jvm.model;

import dev.servelab.hw.backend.AttentionArgs;
import dev.servelab.hw.jvm.backend.JvmKernelBackend;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.jvm.cpu.KernelRunner;
import dev.servelab.hw.jvm.cpu.MatmulPath;
import dev.servelab.hw.jvm.kv.PagedKvCache;
import java.util.Arrays;

/**
 * The Llama forward pass over one batched iteration (pre-norm blocks: RMSNorm, attention with RoPE
 * and grouped-query heads, residual; RMSNorm, SwiGLU MLP, residual; final RMSNorm and output
 * projection), as in Touvron et al., "LLaMA", 2023. All rows of the iteration, prefill chunks and
 * decode tokens of different sequences alike, go through each matmul together; attention reads
 * each sequence's own blocks through its block table. The kernels run on a {@link KernelBackend}
 * (the JVM's, or an optional one such as TornadoVM's). Not thread-safe: one iteration at a time.
 */
public final class LlamaForward {
    private final LlamaWeights w;
    private final LlamaConfig c;
    private final PagedKvCache cache;
    private final KernelBackend k;
    private final Activations a;
    private final MatrixStack[] qkv;
    private final MatrixStack[] gateUp;

    /** The forward pass on the JVM backend over {@code runner} and {@code path} (not closed here). */
    public LlamaForward(LlamaWeights weights, PagedKvCache cache, KernelRunner runner, MatmulPath path) {
        this(weights, cache, new JvmKernelBackend(runner, path));
    }

    /** The forward pass on {@code backend} (not closed here). */
    public LlamaForward(LlamaWeights weights, PagedKvCache cache, KernelBackend backend) {
        this.w = weights;
        this.c = weights.config();
        this.cache = cache;
        this.k = backend;
        this.a = new Activations(c);
        this.qkv = weights.layers().stream().map(l -> MatrixStack.of(l.wq(), l.wk(), l.wv()))
                .toArray(MatrixStack[]::new);
        this.gateUp = weights.layers().stream().map(l -> MatrixStack.of(l.gate(), l.up()))
                .toArray(MatrixStack[]::new);
    }

    /**
     * Runs the iteration, writing its K/V into the cache, and returns the logits of each output row
     * ({@link BatchLayout#lastToken()}: each sequence's last token unless it asked for all its rows),
     * {@code [output][vocab]} in one array (valid until the next call).
     */
    public float[] forward(BatchLayout b) {
        int t = b.tokenCount();
        a.ensure(t, b.outputCount(), b.maxContext());
        w.tokenEmbedding().gatherRows(k, b.tokens(), a.x, t);
        for (int row = 0; row < t; row++) {
            Arrays.fill(a.scoreLengths, row * c.heads(), (row + 1) * c.heads(), b.positions()[row] + 1);
        }
        for (int l = 0; l < c.layers(); l++) {
            LayerWeights layer = w.layers().get(l);
            k.rmsNorm(a.x, a.inv, layer.attnNorm(), a.xb, c.dim(), c.rmsEps(), t);
            attention(b, l, t);
            layer.wo().matmul(k, a.att, a.xb2, t);
            k.addInPlace(a.x, a.xb2, t * c.dim());
            k.rmsNorm(a.x, a.inv, layer.ffnNorm(), a.xb, c.dim(), c.rmsEps(), t);
            gateUp[l].matmulSwiGlu(k, a.xb, new float[][] {a.hb, a.hb2}, t);
            layer.down().matmul(k, a.hb, a.xb2, t);
            k.addInPlace(a.x, a.xb2, t * c.dim());
        }
        int s = b.outputCount();
        k.selectRows(a.x, b.lastToken(), a.last, c.dim(), s);
        k.rmsNorm(a.last, a.inv, w.outputNorm(), a.lastNorm, c.dim(), c.rmsEps(), s);
        w.output().matmul(k, a.lastNorm, a.logits, s);
        return a.logits;
    }

    private void attention(BatchLayout b, int layer, int t) {
        qkv[layer].matmul(k, a.xb, new float[][] {a.q, a.k, a.v}, t);
        int hd = c.headDim();
        k.rope(a.q, b.positions(), w.ropeFreqFactors(), c.heads(), hd, c.ropeTheta(), t);
        k.rope(a.k, b.positions(), w.ropeFreqFactors(), c.kvHeads(), hd, c.ropeTheta(), t);
        k.attention(new AttentionArgs(a.q, a.k, a.v, cache.keys(layer), cache.values(layer), b.slots(),
                b.positions(), b.tokenSeq(), b.blockTables(), b.maxBlocks(), cache.spec().blockSizeTokens(),
                c.heads(), c.kvHeads(), hd, t, b.maxContext(), a.scores, a.scoreLengths, a.att));
    }

    public LlamaConfig config() {
        return c;
    }
}
