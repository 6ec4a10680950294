package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.OperatorCosts;
import dev.servelab.hw.perf.operator.Operator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.perf.model.Dtype;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import org.junit.jupiter.api.Test;

class OperatorCostsTest {
    final ModelSpec llama8b = ModelCatalog.standard().get("llama-3.1-8b");

    @Test
    void gemmFlopsMatchTheProfileFile() {
        OperatorCosts c = new OperatorCosts(llama8b, Deployment.single());
        // values recorded in shared/profiles/h200-llama3-8b-operators.jsonl at tokens = 1
        assertEquals(50_331_648, c.flops(Operator.QKV, 1));
        assertEquals(33_554_432, c.flops(Operator.ATTN_OUT, 1));
        assertEquals(234_881_024, c.flops(Operator.MLP_UP_GATE, 1));
        assertEquals(117_440_512, c.flops(Operator.MLP_DOWN, 1));
        assertEquals(1_050_673_152, c.flops(Operator.LM_HEAD, 1));
        // kv_bytes of attn_decode batch=256 context=8192
        assertEquals(8_589_934_592.0, c.decodeBytes(256, 256.0 * 8192) - c.decodeBytes(256, 0));
    }

    @Test
    void tensorParallelShardsEveryMatrix() {
        OperatorCosts one = new OperatorCosts(llama8b, Deployment.single());
        OperatorCosts four = new OperatorCosts(llama8b, Deployment.of(4, 1));
        for (Operator op : new Operator[] {Operator.QKV, Operator.ATTN_OUT, Operator.MLP_UP_GATE, Operator.MLP_DOWN, Operator.LM_HEAD}) {
            assertEquals(one.flops(op, 100) / 4, four.flops(op, 100), 1e-3, op.name());
        }
        assertEquals(one.decodeFlops(1000) / 4, four.decodeFlops(1000), 1e-6);
    }

    @Test
    void weightDtypeChangesBytesNotFlops() {
        OperatorCosts bf16 = new OperatorCosts(llama8b, Deployment.single());
        OperatorCosts int4 = new OperatorCosts(llama8b, new Deployment(1, 1, Dtype.INT4, Dtype.FP8));
        assertEquals(bf16.flops(Operator.QKV, 1), int4.flops(Operator.QKV, 1));
        double weights = 4096.0 * 6144;
        assertEquals(weights * 2 - weights * 0.5, bf16.bytes(Operator.QKV, 1) - int4.bytes(Operator.QKV, 1), 1e-3);
        assertEquals(bf16.decodeBytes(1, 1000) - 2 * 32 * 128 * 2, 2 * (int4.decodeBytes(1, 1000) - 2 * 32 * 128 * 2), 1e-6);
    }

    @Test
    void moeReadsOnlyTheExpertsTokensPick() {
        ModelSpec mixtral = ModelCatalog.standard().get("mixtral-8x7b");
        OperatorCosts c = new OperatorCosts(mixtral, Deployment.single());
        assertEquals(2.0, c.activeExperts(1), 1e-12); // one token, top-2
        assertEquals(8 * (1 - 0.75 * 0.75), c.activeExperts(2), 1e-12);
        assertTrue(c.activeExperts(1000) > 7.999);
        // FLOPs scale with top-k, not with the number of experts
        assertEquals(2.0 * 10 * 2 * 4096 * 2 * 14336, c.flops(Operator.MLP_UP_GATE, 10));
    }
}
