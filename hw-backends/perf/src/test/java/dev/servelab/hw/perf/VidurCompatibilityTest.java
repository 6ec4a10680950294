package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.IterationShape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.profile.Calibrator;
import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.vidur.VidurBatchTimer;
import dev.servelab.hw.perf.vidur.VidurLatencyTables;
import dev.servelab.hw.perf.vidur.VidurProfileReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VidurCompatibilityTest {
    static final String CASE = "vidur-data/predictions/codellama34b_a100_tp2_block16_maxtok4096";

    static VidurLatencyTables tables() {
        return VidurLatencyTables.read(SharedData.file(CASE + "/add.csv").getParent());
    }

    @Test
    void readsEveryTableOfTheCodeLlamaCase() {
        VidurLatencyTables t = tables();
        assertEquals(4096, t.maxTokens());
        assertEquals(64, t.granularity());
        assertTrue(t.has("all_reduce"));
        assertEquals(0.0020040000000000014, t.tokenMs("add", 1));
        assertEquals(0.014896000000000017, t.decodeMs(1, 0));
        assertEquals(0.015023999999999874, t.prefillMs(0, 1));
    }

    @Test
    void decodeBatchFollowsVidursArithmetic() {
        VidurLatencyTables t = tables();
        VidurBatchTimer timer = new VidurBatchTimer(t, 48, 2, 1, true);
        // 3 decode sequences: 3 tokens -> rounded to 8; processed tokens = context + 1: mean int(604 / 3) = 201 -> 256
        IterationShape s = IterationShape.decode(100, 200, 301);
        double allReduce = t.tokenMs("all_reduce", 8) + 0.02;
        double layer = t.tokenMs("attn_pre_proj", 8) + t.tokenMs("attn_post_proj", 8) + t.tokenMs("attn_rope", 8)
                + t.tokenMs("attn_kv_cache_save", 3) + t.decodeMs(3, 256) * 1.1 + allReduce
                + t.tokenMs("input_layernorm", 8) + t.tokenMs("mlp_up_proj", 8) + t.tokenMs("mlp_down_proj", 8)
                + t.tokenMs("mlp_act", 8) + allReduce + t.tokenMs("post_attention_layernorm", 8) + t.tokenMs("add", 8);
        assertEquals(48 * layer, timer.iterationMs(s), 1e-9);
    }

    @Test
    void decodeAttentionIsLookedUpAtProcessedTokensAsVidurDoes() {
        VidurLatencyTables t = tables();
        VidurBatchTimer timer = new VidurBatchTimer(t, 48, 2, 1, true);
        // 384 tokens in the KV cache + the token being decoded = 385 processed (Vidur counts the token prefill
        // emitted): the 448 row, not the 384 row; 383 in the cache is 384 processed, the 384 row
        double at384 = timer.iterationMs(IterationShape.decode(384));
        double at383 = timer.iterationMs(IterationShape.decode(383));
        double rest = at383 - t.decodeMs(1, 384) * 48;
        assertEquals(rest + t.decodeMs(1, 448) * 48, at384, 1e-9);
        assertTrue(t.decodeMs(1, 448) != t.decodeMs(1, 384), "the two rows differ, so the test can tell them apart");
    }

    @Test
    void prefillChunksAggregateAsVidurDoes() {
        VidurLatencyTables t = tables();
        VidurBatchTimer timer = new VidurBatchTimer(t, 48, 2, 1, true);
        // chunks of 30 and 40 tokens after 0 and 70 cached: KV 0 + 128, chunk sqrt(900 + 1600) = 50
        IterationShape s = new IterationShape(2, new int[] {30, 40}, new int[] {0, 70}, new boolean[] {true, false}, 0, new int[0]);
        IterationShape one = new IterationShape(1, new int[] {70}, new int[] {0}, new boolean[] {true}, 0, new int[0]);
        double diff = timer.iterationMs(s) - timer.iterationMs(one);
        double expected = 48 * (t.prefillMs(128, 2500) * 1.1 - t.prefillMs(0, 4900)
                + t.tokenMs("attn_kv_cache_save", 70) - t.tokenMs("attn_kv_cache_save", 70));
        assertEquals(expected, diff, 1e-9);
    }

    @Test
    void allReduceLinkFitsVidursNetworkProfile() {
        var link = dev.servelab.hw.perf.vidur.VidurAllReduceFit.fit(
                SharedData.file("vidur-data/profiling/network/a100_pairwise_nvlink/all_reduce.csv"), 2);
        assertEquals(197.9e9, link.bandwidthBytesPerS(), 1e9);
        assertEquals(22_780, link.latencyNanos(), 100);
    }

    @Test
    void shippedA100AgreesWithVidursTablesWithinTenPercent() {
        VidurBatchTimer vidur = new VidurBatchTimer(tables(), 48, 2, 1, true);
        PerformanceModel ours = PerformanceModel.of("codellama-34b", "a100-80gb", Deployment.of(2, 1));
        for (IterationShape s : new IterationShape[] {IterationShape.uniformDecode(1, 1000),
                IterationShape.uniformDecode(64, 1000), IterationShape.uniformDecode(128, 2000),
                IterationShape.prefill(512), IterationShape.prefill(2048)}) {
            double ratio = ours.iterationNanos(s) / 1e6 / vidur.iterationMs(s);
            assertTrue(ratio > 0.9 && ratio < 1.1, s.totalTokens() + " tokens: ours / Vidur = " + ratio);
        }
    }

    @Test
    void vidurProfileCalibratesTheA100() {
        Path mlp = SharedData.file("vidur-data/profiling/compute/a100/codellama/CodeLlama-34b-Instruct-hf/mlp.csv");
        Path attention = SharedData.file("vidur-data/profiling/compute/a100/attention_e2d00e9/attention.csv");
        Profile p = VidurProfileReader.read(mlp, attention, 2);
        assertEquals(2, p.tensorParallel());
        assertEquals(261, p.pointsOf("qkv_proj").size());
        assertEquals(10240, p.pointsOf("attn_decode").size());
        ModelSpec m = ModelCatalog.standard().get("codellama-34b");
        HardwareSpec a100 = HardwareCatalog.standard().get("a100-80gb");
        HardwareSpec calibrated = a100.withCalibration(Calibrator.fit(a100, p, m).calibration());
        // Vidur's chunked-prefill kernel computes each chunk's whole score square
        assertEquals(1.0, calibrated.calibration().prefillSquareFraction());
        FidelityReport r = FidelityReport.of(PerformanceModel.of(m, calibrated, Deployment.of(2, 1)), p, 0.1);
        // documented in FIDELITY.md: median 7.1 %, p90 16.1 %
        assertTrue(r.medianAbsError() <= 0.075 && r.p90AbsError() <= 0.165, r.summary());
    }
}
