package dev.servelab.hw.sim;

import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.MultiLora.Targets;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.model.ModelCatalog;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory and timing rules of multi-LoRA, by hand, on llama-3.1-8b (h = 4096, 32 layers, 32 heads, 8 KV
 * heads of 128, I = 14336) on one H100 SXM.
 */
class LoraTimingTest {
    /** Rank 64 on every linear layer, 4 slots, 25 GB/s. */
    private static final MultiLora ALL_LINEAR_64 = new MultiLora(4, 64, Targets.ALL_LINEAR, null, 25, 2);

    /** n decode entries at context 1000, {@code loraTokens} of them with an adapter, {@code adapters} distinct. */
    record DecodeBatch(int n, int adapters, long loraTokens) implements IterationBatch {
        public int size() { return n; }
        public SequenceView sequence(int i) { return null; }
        public int newTokens(int i) { return 1; }
        public int contextTokens(int i) { return 1000; }
        public boolean isPrefill(int i) { return false; }
        public boolean emitsToken(int i) { return true; }
        public int prefillTokens() { return 0; }
        public int decodeTokens() { return n; }
        public long attentionPairs() { return n * 1001L; }
        public long kvTokensTouched() { return n * 1001L; }
        public int emittingSequences() { return n; }
        public int loraAdapters() { return adapters; }
        public long loraTokens() { return loraTokens; }
        public int replicaIndex() { return 0; }
        public long startNanos() { return 0; }
    }

    private static ExecutorContext ctx(MultiLora lora) {
        return new ExecutorContext("gpu", 0, "llama-3.1-8b", "h100-sxm", 1, 16, 0.9, 1, null, null, 0, 0, null, lora);
    }

    private static RooflineExecutor roofline(MultiLora lora) {
        RooflineExecutor e = new RooflineExecutor();
        e.attach(ctx(lora));
        return e;
    }

    @Test
    void adapterBytesAreRankTimesTheTargetedDimensionsTimesLayersTimesDtypeBytes() {
        // attention: S = 4h + (32 + 2·8)·128 + 32·128 = 16384 + 6144 + 4096 = 26624; rank 16, bf16: 16 · 26624 · 32 · 2
        assertEquals(27_262_976L, roofline(new MultiLora(1, 16, Targets.ATTENTION, null, 25, 2)).loraAdapterBytes());
        // all-linear adds gate, up, down: 3 · (4096 + 14336) = 55296, S = 81920; rank 64: 64 · 81920 · 32 · 2
        assertEquals(335_544_320L, roofline(ALL_LINEAR_64).loraAdapterBytes());
        assertEquals(-1, roofline(null).loraAdapterBytes(), "no lora: not modelled");
    }

    @Test
    void theAdapterSlotsTakeTheirBytesFromTheKvCache() {
        // KV per token: 2 · 32 layers · 8 heads · 128 · 2 B = 131072; per 16-token block 2,097,152 B.
        // 4 slots · 335,544,320 B = 1,342,177,280 B = exactly 640 blocks
        int without = roofline(null).kvCapacityBlocks(16);
        int with = roofline(ALL_LINEAR_64).kvCapacityBlocks(16);
        assertEquals(640, without - with);
        OperatorExecutor ops = new OperatorExecutor();
        ops.attach(ctx(ALL_LINEAR_64));
        OperatorExecutor plain = new OperatorExecutor();
        plain.attach(ctx(null));
        assertEquals(640, plain.kvCapacityBlocks(16) - ops.kvCapacityBlocks(16));
    }

    @Test
    void rooflineAddsEachDistinctAdaptersBytesToAMemoryBoundDecode() {
        // 8 decodes, 6 with adapters, 2 distinct: + 2 · 335,544,320 B read at 0.8 · bandwidth; the FLOPs
        // (6 · 2 · 64 · 81920 · 32 = 2.0e9) keep the batch memory-bound
        long base = roofline(ALL_LINEAR_64).iterationNanos(new DecodeBatch(8, 0, 0));
        long withLora = roofline(ALL_LINEAR_64).iterationNanos(new DecodeBatch(8, 2, 6));
        double bytesPerNanos = HardwareCatalog.standard().get("h100-sxm").memoryBandwidthBytesPerS() * 0.8 / 1e9;
        assertEquals(2 * 335_544_320L / bytesPerNanos, withLora - base, 1.0);
        assertEquals(base, roofline(null).iterationNanos(new DecodeBatch(8, 0, 0)), "no adapter in the batch: no cost");
    }

    @Test
    void operatorsChargeAShrinkAndAnExpandKernelPerLayer() {
        OperatorExecutor e = new OperatorExecutor();
        e.attach(ctx(ALL_LINEAR_64));
        OperatorExecutor plain = new OperatorExecutor();
        plain.attach(ctx(null));
        long base = plain.iterationNanos(new DecodeBatch(8, 0, 0));
        assertEquals(base, e.iterationNanos(new DecodeBatch(8, 0, 0)));
        long one = e.iterationNanos(new DecodeBatch(8, 1, 8)) - base;
        long four = e.iterationNanos(new DecodeBatch(8, 4, 8)) - base;
        // 64 kernels; with one adapter each reads 335,544,320 / 64 B = 5.2 MB: a few microseconds each
        assertTrue(one > 64 * 1_000 && one < 2_000_000, one + " ns");
        assertTrue(four > one, "more distinct adapters read more bytes: " + four + " vs " + one);
        assertEquals(ModelCatalog.standard().get("llama-3.1-8b").numLayers(), 32);
    }
}
