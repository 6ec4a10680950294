package dev.servelab.hw.jvm.model;

import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.gguf.GgufFile;
import dev.servelab.hw.jvm.gguf.GgufFormatException;
import dev.servelab.hw.jvm.gguf.GgufTensorInfo;
import dev.servelab.hw.jvm.gguf.Q4Codec;
import dev.servelab.hw.jvm.gguf.Q4KCodec;
import dev.servelab.hw.jvm.gguf.Q8Codec;
import dev.servelab.hw.jvm.gguf.TensorCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a Llama model's weights from a GGUF file using llama.cpp's tensor names
 * ({@code token_embd}, {@code blk.N.attn_q}, ..., {@code output_norm}, {@code output}), checking
 * every shape. Q8_0, Q4_0 and Q4_K matrices stay quantised; F32, F16 and BF16 become F32 on the heap.
 */
public final class LlamaWeightLoader {
    private final GgufFile file;
    private final String source;

    private LlamaWeightLoader(GgufFile file) {
        this.file = file;
        this.source = file.path().toString();
    }

    public static LlamaWeights load(GgufFile file) {
        return new LlamaWeightLoader(file).load();
    }

    private LlamaWeights load() {
        GgufTensorInfo embd = file.tensor("token_embd.weight");
        if (embd.dims().length != 2) {
            throw new GgufFormatException(source + ": tensor 'token_embd.weight' should have 2 dimensions, has "
                    + Arrays.toString(embd.dims()));
        }
        LlamaConfig c = LlamaConfig.from(file.metadata(), source, (int) embd.dims()[1]);
        requireHeap(c);
        Matrix embedding = matrix("token_embd.weight", c.dim(), c.vocabSize());
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < c.layers(); l++) {
            String p = "blk." + l + ".";
            layers.add(new LayerWeights(
                    vector(p + "attn_norm.weight", c.dim()),
                    matrix(p + "attn_q.weight", c.dim(), c.dim()),
                    matrix(p + "attn_k.weight", c.dim(), c.kvDim()),
                    matrix(p + "attn_v.weight", c.dim(), c.kvDim()),
                    matrix(p + "attn_output.weight", c.dim(), c.dim()),
                    vector(p + "ffn_norm.weight", c.dim()),
                    matrix(p + "ffn_gate.weight", c.dim(), c.hiddenDim()),
                    matrix(p + "ffn_up.weight", c.dim(), c.hiddenDim()),
                    matrix(p + "ffn_down.weight", c.hiddenDim(), c.dim())));
        }
        Matrix output = file.tensors().containsKey("output.weight")
                ? matrix("output.weight", c.dim(), c.vocabSize()) : embedding;
        float[] ropeFactors = new float[c.headDim() / 2];
        Arrays.fill(ropeFactors, 1f);
        if (file.tensors().containsKey("rope_freqs.weight")) {
            ropeFactors = vector("rope_freqs.weight", c.headDim() / 2);
        }
        return new LlamaWeights(c, embedding, layers, vector("output_norm.weight", c.dim()), output, ropeFactors);
    }

    /**
     * Refuses a model whose weights would not fit in the heap once decoded (Q8_0 stays at about
     * 1.1 bytes per weight, Q4_0 and Q4_K at 0.6-0.75, other types become 4-byte floats), before allocating any of them, with
     * the heap it would need.
     */
    private void requireHeap(LlamaConfig c) {
        long bytes = 0;
        for (GgufTensorInfo t : file.tensors().values()) {
            long n = t.elementCount();
            long loaded = switch (t.type()) {
                case Q8_0 -> saturatedAdd(n, n / 8); // one float scale per 32 weights
                case Q4_0 -> n / 2 + n / 8;
                case Q4_K -> n / 2 + n / 4; // a float scale and min per 32 weights
                default -> saturatedMultiply(n, 4);
            };
            bytes = saturatedAdd(bytes, loaded);
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free) {
            throw new GgufFormatException(source + ": the weights need about " + gib(bytes) + " GiB of heap once loaded ("
                    + c.layers() + " layers, dim " + c.dim() + ", vocabulary " + c.vocabSize() + "), but only " + gib(free)
                    + " GiB is free; give the JVM more (e.g. SERVELAB_JAVA_OPTS=-Xmx" + (bytes / (1L << 30) + 2) + "g) or use a smaller model");
        }
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        return hi != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    }

    private GgufTensorInfo shaped(String name, long... dims) {
        GgufTensorInfo t = file.tensor(name);
        if (!Arrays.equals(t.dims(), dims)) {
            throw new GgufFormatException(source + ": tensor '" + name + "' has shape " + Arrays.toString(t.dims())
                    + ", expected " + Arrays.toString(dims) + " from the llama.* metadata");
        }
        return t;
    }

    private float[] vector(String name, int n) {
        GgufTensorInfo t = shaped(name, n);
        return TensorCodec.decode(t, file.data(t), source);
    }

    /** A {@code [cols, rows]} GGUF tensor: {@code rows} rows of {@code cols} contiguous values. */
    private Matrix matrix(String name, int cols, int rows) {
        GgufTensorInfo t = shaped(name, cols, rows);
        if (t.type() == GgmlType.Q8_0) {
            return new Q8Matrix(Q8Codec.unpack(file.data(t), Math.multiplyExact(rows, cols)), rows, cols);
        }
        if (cols % t.type().blockElements() != 0) {
            throw new GgufFormatException(source + ": tensor '" + name + "' is " + t.type() + " with rows of " + cols
                    + " values, not a whole number of " + t.type().blockElements() + "-value blocks");
        }
        if (t.type() == GgmlType.Q4_0) {
            return new Q4Matrix(Q4Codec.unpack(file.data(t), Math.multiplyExact(rows, cols)), rows, cols);
        }
        if (t.type() == GgmlType.Q4_K) {
            return new Q4KMatrix(Q4KCodec.unpack(file.data(t), Math.multiplyExact(rows, cols)), rows, cols);
        }
        if (!t.type().supported()) {
            throw TensorCodec.unsupported(t, source);
        }
        return new F32Matrix(TensorCodec.decode(t, file.data(t), source), rows, cols);
    }
}
