package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.Deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.memory.KvBudget;
import dev.servelab.hw.perf.memory.KvMemoryModel;
import dev.servelab.hw.perf.memory.MemorySettings;
import dev.servelab.hw.perf.model.Dtype;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import org.junit.jupiter.api.Test;

class KvMemoryModelTest {
    static final double GIB = 1024.0 * 1024 * 1024;
    final ModelSpec llama8b = ModelCatalog.standard().get("llama-3.1-8b");
    final HardwareSpec h200 = HardwareCatalog.standard().get("h200");

    @Test
    void handComputedLlama8bOnH200() {
        MemorySettings s = MemorySettings.vllmDefaults();
        KvBudget b = KvMemoryModel.budget(llama8b, h200, Deployment.single(), s);
        // block: 16 tokens x 32 layers x 2 (K, V) x 8 heads x 128 x 2 bytes = 2 MiB
        assertEquals(2.0 * 1024 * 1024, b.kvBytesPerBlockPerDevice());
        assertEquals(llama8b.weightBytes(Dtype.BF16), b.weightBytesPerDevice(), 1.0);
        // activations: 8192 tokens x 2 B x (4 x 4096 + 6144 + 3 x 14336) + 2 x 4 B x 256 x 128256
        double act = 8192 * 2.0 * (4 * 4096 + 6144 + 3 * 14336) + 8.0 * 256 * 128256;
        assertEquals(act, b.activationBytesPerDevice(), 1.0);
        double kv = 0.9 * 141 * GIB - llama8b.weightBytes(Dtype.BF16) - act - GIB;
        assertEquals((long) Math.floor(kv / (2.0 * 1024 * 1024)), b.kvBlocks());
        assertEquals(b.kvBlocks() * 16, b.kvTokens());
    }

    @Test
    void tensorParallelMoreThanDoublesBlocksAndFp8KvDoublesThem() {
        MemorySettings s = MemorySettings.vllmDefaults();
        HardwareSpec h100 = HardwareCatalog.standard().get("h100-sxm");
        KvBudget tp1 = KvMemoryModel.budget(llama8b, h100, Deployment.single(), s);
        KvBudget tp2 = KvMemoryModel.budget(llama8b, h100, Deployment.of(2, 1), s);
        assertTrue(tp2.kvBlocks() > 2 * tp1.kvBlocks());
        KvBudget fp8 = KvMemoryModel.budget(llama8b, h100, new Deployment(1, 1, Dtype.BF16, Dtype.FP8), s);
        assertEquals(2 * tp1.kvBlocks(), fp8.kvBlocks(), 1);
    }

    @Test
    void modelThatDoesNotFitHasNoBlocks() {
        ModelSpec llama70b = ModelCatalog.standard().get("llama-3.1-70b");
        KvBudget b = KvMemoryModel.budget(llama70b, HardwareCatalog.standard().get("l4"), Deployment.single(),
                MemorySettings.vllmDefaults());
        assertFalse(b.fits());
        assertEquals(0, b.kvBlocks());
    }

    @Test
    void codeLlama34bOnTwoA100sHasRoomForVidursCase() {
        // Vidur's case: CodeLlama-34B, A100 80GB, TP 2, block 16, 4096 batched tokens
        KvBudget b = KvMemoryModel.budget(ModelCatalog.standard().get("codellama-34b"),
                HardwareCatalog.standard().get("a100-80gb"), Deployment.of(2, 1),
                MemorySettings.vllmDefaults().withMaxNumBatchedTokens(4096));
        // 2 x 80 GiB x 0.9 - 67.5 GB of weights leaves ~ 75 GiB for 48 layers x 8 KV heads x 128 x 2 x 2 B / token
        assertTrue(b.kvTokens() > 300_000 && b.kvTokens() < 500_000, "tokens " + b.kvTokens());
    }
}
