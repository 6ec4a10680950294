package dev.servelab.hw.perf;

import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.memory.KvBudget;
import dev.servelab.hw.perf.memory.KvMemoryModel;
import dev.servelab.hw.perf.memory.MemorySettings;
import dev.servelab.hw.perf.model.Dtype;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.IterationShape;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.operator.OperatorCosts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mixture-of-experts rules, checked against numbers computed by hand: DeepSeek-V3's shape (shared
 * experts, dense first layers, latent KV), expert parallelism's busiest-rank share under a Zipf
 * routing skew, the all-to-all volume, data-parallel attention's memory, and the iteration breakdown.
 */
class MixtureOfExpertsTest {
    private final ModelSpec mixtral = ModelCatalog.standard().get("mixtral-8x7b");
    private final ModelSpec deepseek = ModelCatalog.standard().get("deepseek-v3");
    private final HardwareSpec h200 = HardwareCatalog.standard().get("h200");

    @Test
    void deepSeekV3ShapeCountsSharedExpertsDenseLayersAndLatentKv() {
        assertEquals(256, deepseek.numExperts());
        assertEquals(8, deepseek.expertsPerToken());
        assertEquals(1, deepseek.sharedExperts());
        assertEquals(3, deepseek.denseLayers());
        assertEquals(2048, deepseek.moeIntermediateSize());
        // attention 7168*(128+256)*128 + 128*128*7168 = 469,762,048; experts (256+1)*3*7168*2048 = 11,318,329,344;
        // router 7168*256 = 1,835,008; norms 14,336 -> MoE layer 11,789,940,736; dense layer 866,138,112
        assertEquals(11_789_940_736L, deepseek.paramsPerLayer());
        assertEquals(866_138_112L, deepseek.denseLayerParams());
        // 3 dense + 58 MoE layers + final norm + untied embedding and head (2 x 129,280 x 7,168)
        assertEquals(688_268_342_272L, deepseek.parameterCount());
        // MLA latent: 61 layers x (512 + 64) elements x 2 bytes
        assertEquals(61 * 576 * 2.0, deepseek.kvBytesPerToken(Dtype.BF16));
    }

    @Test
    void uniformExpertParallelismDoesTheSameFlopsPerDeviceAsTensorParallelism() {
        OperatorCosts tp = new OperatorCosts(mixtral, new Deployment(2, 1, Dtype.BF16, Dtype.BF16, 1, false, 0));
        OperatorCosts ep = new OperatorCosts(mixtral, new Deployment(2, 1, Dtype.BF16, Dtype.BF16, 2, false, 0));
        // 2 * T * k/EP * hidden * 2 * inter = 2 * 100 * 1 * 4096 * 2 * 14336
        assertEquals(2.0 * 100 * 1 * 4096 * 2 * 14336, ep.flops(Operator.MLP_UP_GATE, 100));
        assertEquals(tp.flops(Operator.MLP_UP_GATE, 100), ep.flops(Operator.MLP_UP_GATE, 100));
        // with many tokens every expert is read: 8 experts' halves under TP, 4 whole experts under EP
        assertEquals(8.0, tp.activeExperts(10_000), 1e-9);
        assertEquals(4.0, ep.activeExperts(10_000), 1e-9);
    }

    @Test
    void routingSkewLoadsTheBusiestExpertParallelRank() {
        // 4 experts, Zipf s=1: p = (12, 6, 4, 3)/25; 2 ranks hold experts {0,2} and {1,3}: busiest share 16/25
        ModelSpec four = new ModelSpec("moe-4", 1024, 2, 8, 8, 128, 4096, 1000, 4, 1, false, 4096);
        OperatorCosts skewed = new OperatorCosts(four, new Deployment(2, 1, Dtype.BF16, Dtype.BF16, 2, false, 1.0));
        assertEquals(2.0 * 10 * (16.0 / 25) * 1024 * 2 * 4096, skewed.flops(Operator.MLP_UP_GATE, 10), 1e-3);
        // one token picks expert 0 with probability 12/25 and expert 2 with 4/25
        assertEquals(12.0 / 25 + 4.0 / 25, skewed.activeExperts(1), 1e-12);
    }

    @Test
    void allToAllMovesEachTokensHiddenStateToItsRemoteExperts() {
        OperatorCosts ep = new OperatorCosts(mixtral, new Deployment(2, 1, Dtype.BF16, Dtype.BF16, 2, true, 0));
        // 100 tokens x top-2 x 4096 x 2 bytes x (2-1)/2
        assertEquals(100 * 2 * 4096 * 2 * 0.5, ep.allToAllBytesPerRank(100));
        assertEquals(0.0, new OperatorCosts(mixtral, Deployment.of(2, 1)).allToAllBytesPerRank(100));
    }

    @Test
    void expertParallelDegreeMustBeOneOrTheTensorParallelDegree() {
        assertThrows(IllegalArgumentException.class, () -> new Deployment(4, 1, Dtype.BF16, Dtype.BF16, 2, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new Deployment(1, 1, Dtype.BF16, Dtype.BF16, 1, true, 0));
    }

    @Test
    void dataParallelAttentionReplicatesAttentionWeightsAndMultipliesKvBlocks() {
        MemorySettings s = MemorySettings.vllmDefaults();
        Deployment tpAttention = new Deployment(8, 1, Dtype.FP8, Dtype.BF16, 8, false, 0);
        Deployment dpAttention = new Deployment(8, 1, Dtype.FP8, Dtype.BF16, 8, true, 0);
        KvBudget tp = KvMemoryModel.budget(deepseek, h200, tpAttention, s);
        KvBudget dp = KvMemoryModel.budget(deepseek, h200, dpAttention, s);
        // attention weights: 61 x 469,762,048 params, 7/8 of them more per device at 1 byte (fp8)
        assertEquals(61 * 469_762_048.0 * 7 / 8, dp.weightBytesPerDevice() - tp.weightBytesPerDevice(), 1e3);
        // the MLA latent is not split by TP: 16 tokens x 61 layers x 576 elements x 2 bytes per block
        assertEquals(16 * 61 * 576 * 2.0, tp.kvBytesPerBlockPerDevice());
        assertEquals(0, dp.kvBlocks() % 8, "each of the 8 attention ranks holds its own blocks");
    }

    @Test
    void breakdownShowsTheAllToAllAndAddsUpToTheIteration() {
        PerformanceModel ep = PerformanceModel.of(mixtral, h200, new Deployment(4, 1, Dtype.BF16, Dtype.BF16, 4, true, 0));
        IterationShape batch = IterationShape.uniformDecode(64, 1024);
        Map<String, Double> parts = ep.breakdown(batch);
        assertTrue(parts.get("all_to_all") > 0, parts.toString());
        double sum = parts.values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(ep.iterationNanos(batch), sum, 1.0);
        Map<String, Double> tpParts = PerformanceModel.of(mixtral, h200, Deployment.of(4, 1)).breakdown(batch);
        assertFalse(tpParts.containsKey("all_to_all"));
        assertTrue(tpParts.get("all_reduce") > 0);
    }

    @Test
    void skewSlowsComputeBoundExpertParallelPrefillButReadsFewerExpertsInDecode() {
        IterationShape batch = IterationShape.prefill(8192);
        long uniform = PerformanceModel.of(deepseek, h200, new Deployment(8, 1, Dtype.FP8, Dtype.FP8, 8, true, 0))
                .iterationNanos(batch);
        long skewed = PerformanceModel.of(deepseek, h200, new Deployment(8, 1, Dtype.FP8, Dtype.FP8, 8, true, 1.2))
                .iterationNanos(batch);
        assertTrue(skewed > uniform, skewed + " vs " + uniform);
        // small decode batches are bound by the expert weights read: a skewed router touches fewer experts
        IterationShape decode = IterationShape.uniformDecode(16, 1024);
        long uniformDecode = PerformanceModel.of(deepseek, h200, new Deployment(8, 1, Dtype.FP8, Dtype.FP8, 8, true, 0))
                .iterationNanos(decode);
        long skewedDecode = PerformanceModel.of(deepseek, h200, new Deployment(8, 1, Dtype.FP8, Dtype.FP8, 8, true, 1.2))
                .iterationNanos(decode);
        assertTrue(skewedDecode < uniformDecode, skewedDecode + " vs " + uniformDecode);
    }
}
