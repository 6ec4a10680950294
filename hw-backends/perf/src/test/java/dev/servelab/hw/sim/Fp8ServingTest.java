package dev.servelab.hw.sim;

import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.memory.KvMemoryModel;
import dev.servelab.hw.perf.memory.MemorySettings;
import dev.servelab.hw.perf.model.Dtype;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.roofline.OperatorClass;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FP8 weights and FP8 KV cache as a pool selects them ({@code executor: {weight_dtype: fp8, kv_dtype: fp8}}),
 * checked against numbers computed by hand for Llama-3.1-70B (80 layers, hidden 8192, 64 query and 8 KV
 * heads of 128, MLP 28672, vocabulary 128256, untied embeddings): memory, GEMM rate, decode weight reads.
 */
class Fp8ServingTest {
    /** Per layer: q and o 8192², k and v 8192·1024, MLP 3·8192·28672, two norms; plus 2 embeddings and the final norm. */
    private static final long LLAMA_70B_PARAMS = 80L * (2L * 8192 * 8192 + 2L * 8192 * 1024 + 3L * 8192 * 28672 + 2 * 8192)
            + 2L * 128256 * 8192 + 8192;

    private static final ModelSpec LLAMA_70B = ModelCatalog.standard().get("llama-3.1-70b");

    private static ExecutorContext ctx(String hardware, int tp) {
        return new ExecutorContext("gpu", 0, "llama-3.1-70b", hardware, tp, 16, 0.9, 1, null);
    }

    private static RooflineExecutor roofline(String hardware, int tp, String weights, String kv) {
        RooflineExecutor e = new RooflineExecutor(new RooflineExecutor.Settings(0.6, 0.8, 0.5, weights, kv));
        e.attach(ctx(hardware, tp));
        return e;
    }

    @Test
    void weightMemoryHalvesAtFp8() {
        assertEquals(70_553_706_496L, LLAMA_70B_PARAMS);
        assertEquals(LLAMA_70B_PARAMS, LLAMA_70B.parameterCount());
        MemorySettings s = MemorySettings.vllmDefaults();
        HardwareSpec h200 = HardwareCatalog.standard().get("h200");
        double bf16 = KvMemoryModel.budget(LLAMA_70B, h200, new Deployment(2, 1, Dtype.BF16, Dtype.BF16), s).weightBytesPerDevice();
        double fp8 = KvMemoryModel.budget(LLAMA_70B, h200, new Deployment(2, 1, Dtype.FP8, Dtype.BF16), s).weightBytesPerDevice();
        assertEquals(LLAMA_70B_PARAMS * 2.0 / 2, bf16, 1.0); // 2 bytes each, split over 2 GPUs
        assertEquals(LLAMA_70B_PARAMS * 1.0 / 2, fp8, 1.0);
        assertEquals(bf16 / 2, fp8, 1e-6);
    }

    @Test
    void kvTokensPerGibDoubleWithFp8Kv() {
        // 2 (K and V) x 80 layers x 8 KV heads x 128 x bytes: 327,680 at bf16, 163,840 at fp8
        assertEquals(327_680.0, LLAMA_70B.kvBytesPerToken(Dtype.BF16));
        assertEquals(163_840.0, LLAMA_70B.kvBytesPerToken(Dtype.FP8));
        double gib = 1024.0 * 1024 * 1024;
        assertEquals(2 * gib / 327_680.0, gib / 163_840.0, 1e-9); // 3,276.8 -> 6,553.6 tokens per GiB
        // through the executor a pool uses: same weights, KV at fp8 -> twice the blocks (floor rounding: +-1)
        int bf16Blocks = roofline("h200", 2, "bf16", "bf16").kvCapacityBlocks(16);
        int fp8Blocks = roofline("h200", 2, "bf16", "fp8").kvCapacityBlocks(16);
        assertTrue(bf16Blocks > 1000, "blocks " + bf16Blocks);
        assertEquals(2.0 * bf16Blocks, fp8Blocks, 1.0);
        // fp8 weights free 35.3 GB per GPU more for the cache: 35,276,853,248 B / (16 tokens x 81,920 B per GPU)
        int bothFp8 = roofline("h200", 2, "fp8", "fp8").kvCapacityBlocks(16);
        double freed = LLAMA_70B_PARAMS / 2.0;
        assertEquals(fp8Blocks + Math.floor(freed / (16 * 81_920.0)), bothFp8, 1.0);
    }

    @Test
    void computeBoundPrefillSpeedsUpByTheFp8ToBf16RateRatio() {
        // one 8192-token prompt: 1.2e15 FLOPs, compute-bound at either dtype on H200 TP2
        PrefillBatch prompt = new PrefillBatch(8192);
        double overhead = 0.5e6;
        double bf16 = roofline("h200", 2, "bf16", "bf16").iterationNanos(prompt) - overhead;
        double fp8 = roofline("h200", 2, "fp8", "fp8").iterationNanos(prompt) - overhead;
        double flops = 2.0 * (LLAMA_70B_PARAMS - 2L * 128256 * 8192) * 8192          // layers
                + 4.0 * 80 * 8192 * (8192.0 * 8193 / 2)                                 // causal attention
                + 2.0 * 128256 * 8192;                                                  // LM head, one row
        assertEquals(flops / (989.4e12 * 2 * 0.6) * 1e9, bf16, 1.0);
        assertEquals(flops / (1978.9e12 * 2 * 0.6) * 1e9, fp8, 1.0);
        assertEquals(1978.9 / 989.4, bf16 / fp8, 1e-6);
        // B200: 4,500 / 2,250 TFLOPS dense (HGX B200 table: 9 / 4.5 PFLOPS with sparsity), H200 1,978.9 / 989.4
        HardwareSpec b200 = HardwareCatalog.standard().get("b200");
        assertEquals(4500e12, b200.fp8DenseFlopsPerS(), 1e9);
        assertEquals(2250e12, b200.bf16DenseFlopsPerS(), 1e9);
        assertEquals(1978.9e12, HardwareCatalog.standard().get("h200").fp8DenseFlopsPerS(), 1e9);
        double b200Bf16 = roofline("b200", 1, "bf16", "bf16").iterationNanos(prompt) - overhead;
        double b200Fp8 = roofline("b200", 1, "fp8", "fp8").iterationNanos(prompt) - overhead;
        assertEquals(2.0, b200Bf16 / b200Fp8, 1e-6);
    }

    @Test
    void operatorModelRunsGemmsAtTheFp8RateAndAttentionAtBf16() {
        HardwareSpec h200 = HardwareCatalog.standard().get("h200");
        PerformanceModel bf16 = PerformanceModel.of(LLAMA_70B, h200, new Deployment(2, 1, Dtype.BF16, Dtype.BF16));
        PerformanceModel fp8 = PerformanceModel.of(LLAMA_70B, h200, new Deployment(2, 1, Dtype.FP8, Dtype.FP8));
        var noOverride = bf16.withKernelLaunchNanos(Double.NaN).timer();
        var fp8NoOverride = fp8.withKernelLaunchNanos(Double.NaN).timer();
        double launch = noOverride.launchNanos(OperatorClass.GEMM);
        double bodyBf16 = noOverride.rooflineNanos(Operator.MLP_UP_GATE, 8192) - launch;
        double bodyFp8 = fp8NoOverride.rooflineNanos(Operator.MLP_UP_GATE, 8192) - launch;
        // gate+up: 2 x 8192 tokens x 8192 x (2 x 28672 / 2) FLOPs, calibrated 739.221 TFLOPS bf16 x eff 0.947731
        double flops = 2.0 * 8192 * 8192 * 28672;
        assertEquals(flops / (739.221e12 * 0.947731) * 1e9, bodyBf16, 1.0);
        assertEquals(1978.9 / 989.4, bodyBf16 / bodyFp8, 1e-9);
        // decode attention reads K and V at 1 byte: its bytes halve apart from the query's input and output
        double kvBf16 = bf16.timer().costs().decodeBytes(0, 1_000_000);
        double kvFp8 = fp8.timer().costs().decodeBytes(0, 1_000_000);
        assertEquals(2 * 2.0 * 1_000_000 * 4 * 128, kvBf16); // 4 KV heads per GPU at TP2
        assertEquals(kvBf16 / 2, kvFp8);
    }

    @Test
    void decodeStepReadsHalfTheWeightBytes() {
        // one sequence decoding at context 1000: memory-bound; bytes = weights + 1001 tokens of KV
        DecodeBatch step = new DecodeBatch(1, 1000);
        double overhead = 0.5e6;
        double bytesPerNanos = 4800e9 * 2 * 0.8 / 1e9;
        double bf16 = roofline("h200", 2, "bf16", "bf16").iterationNanos(step) - overhead;
        double fp8 = roofline("h200", 2, "fp8", "bf16").iterationNanos(step) - overhead;
        double kv = 327_680.0 * 1001 / bytesPerNanos;
        double weightsBf16 = LLAMA_70B_PARAMS * 2.0 / bytesPerNanos;
        assertEquals(weightsBf16 + kv, bf16, 1.0);
        assertEquals(weightsBf16 / 2 + kv, fp8, 1.0);
        assertEquals(weightsBf16 / 2, (bf16 - kv) - (fp8 - kv), 1.0);
    }

    @Test
    void a100RunsFp8WeightsAtTheBf16RateAndSaysSo() {
        HardwareSpec a100 = HardwareCatalog.standard().get("a100-80gb");
        assertEquals(a100.bf16DenseFlopsPerS(), a100.denseFlopsPerS(Dtype.FP8));
        assertTrue(a100.computeFallbackNote(Dtype.FP8).contains("no fp8 tensor cores"), a100.computeFallbackNote(Dtype.FP8));
        assertNull(HardwareCatalog.standard().get("h200").computeFallbackNote(Dtype.FP8));
        assertNull(a100.computeFallbackNote(Dtype.BF16));
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        PrefillBatch prompt = new PrefillBatch(8192);
        double bf16;
        double fp8;
        try {
            bf16 = roofline("a100-80gb", 4, "bf16", "bf16").iterationNanos(prompt);
            fp8 = roofline("a100-80gb", 4, "fp8", "fp8").iterationNanos(prompt);
        } finally {
            System.setErr(saved);
        }
        assertEquals(bf16, fp8, 0.5); // compute-bound: the same rate, so the same time
        assertTrue(err.toString().contains("servelab: note: pool gpu: a100-80gb has no fp8 tensor cores"), err.toString());
    }

    /** One prompt of {@code tokens} tokens, prefilled whole from an empty cache, emitting its first token. */
    record PrefillBatch(int tokens) implements IterationBatch {
        public int size() { return 1; }
        public SequenceView sequence(int i) { return null; }
        public int newTokens(int i) { return tokens; }
        public int contextTokens(int i) { return 0; }
        public boolean isPrefill(int i) { return true; }
        public boolean emitsToken(int i) { return true; }
        public int prefillTokens() { return tokens; }
        public int decodeTokens() { return 0; }
        public long attentionPairs() { return (long) tokens * (tokens + 1) / 2; }
        public long kvTokensTouched() { return tokens; }
        public int emittingSequences() { return 1; }
        public int replicaIndex() { return 0; }
        public long startNanos() { return 0; }
    }

    /** {@code n} sequences decoding one token each after {@code context} cached tokens. */
    record DecodeBatch(int n, int context) implements IterationBatch {
        public int size() { return n; }
        public SequenceView sequence(int i) { return null; }
        public int newTokens(int i) { return 1; }
        public int contextTokens(int i) { return context; }
        public boolean isPrefill(int i) { return false; }
        public boolean emitsToken(int i) { return true; }
        public int prefillTokens() { return 0; }
        public int decodeTokens() { return n; }
        public long attentionPairs() { return (long) n * (context + 1); }
        public long kvTokensTouched() { return (long) n * (context + 1); }
        public int emittingSequences() { return n; }
        public int replicaIndex() { return 0; }
        public long startNanos() { return 0; }
    }
}
