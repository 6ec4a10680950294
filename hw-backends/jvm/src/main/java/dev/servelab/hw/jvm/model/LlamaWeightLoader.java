package dev.servelab.hw.jvm.model;

import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.gguf.GgufFile;
import dev.servelab.hw.jvm.gguf.GgufFormatException;
import dev.servelab.hw.jvm.gguf.GgufTensorInfo;
import dev.servelab.hw.jvm.gguf.Q8Codec;
import dev.servelab.hw.jvm.gguf.TensorCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a Llama model's weights from a GGUF file using llama.cpp's tensor names
 * ({@code token_embd}, {@code blk.N.attn_q}, ..., {@code output_norm}, {@code output}), checking
 * every shape. Q8_0 stays quantised; F32, F16 and BF16 become F32 on the heap.
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
        if (!t.type().supported()) {
            throw TensorCodec.unsupported(t, source);
        }
        return new F32Matrix(TensorCodec.decode(t, file.data(t), source), rows, cols);
    }
}
