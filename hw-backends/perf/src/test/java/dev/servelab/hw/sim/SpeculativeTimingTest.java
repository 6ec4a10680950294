package dev.servelab.hw.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingProblem;
import dev.servelab.engine.run.PipelineCheck;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.spi.SpeculativeDecoding.Method;
import dev.servelab.hw.perf.PerformanceModel;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.Dtype;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.IterationShape;
import dev.servelab.hw.perf.operator.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timing rule of a speculative verify step, computed by hand: the target's forward over k + 1
 * query tokens per decoding sequence (attention at its context, the LM head on every position) plus
 * k draft steps (draft model, one target layer + LM head for EAGLE/MTP, a fixed CPU cost for n-gram).
 * Batch: 4 sequences at context 1000 verifying k = 3 proposals each, llama-3.1-8b on one H100 SXM.
 */
class SpeculativeTimingTest {
    private static final int N = 4;
    private static final int K = 3;
    private static final int CONTEXT = 1000;

    /** The batch a speculative replica hands its executor: n decode entries of q tokens each (or plain decodes when q = 1). */
    record DecodeBatch(int n, int q, int context) implements IterationBatch {
        public int size() { return n; }
        public SequenceView sequence(int i) { return null; }
        public int newTokens(int i) { return q; }
        public int contextTokens(int i) { return context; }
        public boolean isPrefill(int i) { return false; }
        public boolean emitsToken(int i) { return true; }
        public int prefillTokens() { return 0; }
        public int decodeTokens() { return n * q; }
        public long attentionPairs() { return n * ((long) q * context + (long) q * (q + 1) / 2); }
        public long kvTokensTouched() { return (long) n * (context + q); }
        public int emittingSequences() { return n; }
        public int verifyingSequences() { return q > 1 ? n : 0; }
        public long verifyingContextTokens() { return q > 1 ? (long) n * context : 0; }
        public int proposedTokens() { return q > 1 ? n * (q - 1) : 0; }
        public int replicaIndex() { return 0; }
        public long startNanos() { return 0; }
    }

    private static final DecodeBatch VERIFY = new DecodeBatch(N, K + 1, CONTEXT);

    private static ExecutorContext ctx(SpeculativeDecoding s) {
        return new ExecutorContext("gpu", 0, "llama-3.1-8b", "h100-sxm", 1, 16, 0.9, 1, null, null, 0, 0, s);
    }

    private static SpeculativeDecoding spec(Method m) {
        return new SpeculativeDecoding(m, K, SpeculativeDecoding.constantRate(K, 0.7), m == Method.DRAFT_MODEL ? "llama-3.2-1b" : null);
    }

    private static long roofline(SpeculativeDecoding s, IterationBatch b) {
        RooflineExecutor e = new RooflineExecutor();
        e.attach(ctx(s));
        return e.iterationNanos(b);
    }

    private static long operators(SpeculativeDecoding s, IterationBatch b) {
        OperatorExecutor e = new OperatorExecutor();
        e.attach(ctx(s));
        return e.iterationNanos(b);
    }

    @Test
    void rooflineEagleChargesTheKPlusOneTokenForwardAndKOneLayerDraftSteps() {
        ModelSpec m = ModelCatalog.standard().get("llama-3.1-8b");
        HardwareSpec h = HardwareCatalog.standard().get("h100-sxm");
        double flopRate = h.denseFlopsPerS(Dtype.BF16) * 0.6 / 1e9;   // exec.roofline defaults: 60 % of peak,
        double byteRate = h.memoryBandwidthBytesPerS() * 0.8 / 1e9;   // 80 % of bandwidth, 0.5 ms overhead
        double e = m.embeddingParams();
        double w = m.attentionWidth();
        double kvPerTokenPerLayer = 2.0 * m.numKvHeads() * m.headDim() * 2;
        // target: 16 query tokens; pairs 4 · (4 · 1000 + 10); LM head on all 16 positions; KV 4 · 1004 tokens
        double targetFlops = 2 * (m.activeParameterCount() - 2 * e) * 16 + 4.0 * m.numLayers() * w * 4 * (4 * 1000 + 10)
                + 2 * e * 16;
        double targetBytes = m.parameterCount() * 2.0 + kvPerTokenPerLayer * m.numLayers() * 4 * 1004;
        // one EAGLE step: one layer's share of the body, attention at 4 · 1001, the LM head for 4 tokens
        double draftFlops = 2 * (m.activeParameterCount() - 2 * e) / m.numLayers() * 4 + 4.0 * w * 4 * 1001 + 2 * e * 4;
        double draftBytes = ((m.parameterCount() - 2 * e) / m.numLayers() + e) * 2 + kvPerTokenPerLayer * 4 * 1001;
        assertTrue(targetBytes / byteRate > targetFlops / flopRate, "a decode batch of 4 is memory-bound");
        double expected = targetBytes / byteRate + 0.5e6 + K * Math.max(draftFlops / flopRate, draftBytes / byteRate);
        assertEquals(expected, roofline(spec(Method.EAGLE), VERIFY), 1.0);
        // (16.06 GB weights + 0.53 GB KV) / 2.68 TB/s = 6.19 ms, + 0.5 ms, + 3 · (1.50 GB / 2.68 TB/s = 0.56 ms)
        assertEquals(8.372e6, expected, 0.001e6);
    }

    @Test
    void ngramAddsOnlyItsCpuLookupToAMemoryBoundVerifyStep() {
        // memory-bound: the LM-head FLOPs on the 12 proposed positions do not show; the lookup is 50 us
        assertEquals(SpeculativeCost.NGRAM_LOOKUP_NANOS, roofline(spec(Method.NGRAM), VERIFY) - roofline(null, VERIFY), 1.0);
        // verifying 3 proposals per sequence costs the same weight read as a plain decode step plus 12 KV entries
        double plain = roofline(null, new DecodeBatch(N, 1, CONTEXT));
        assertTrue(roofline(spec(Method.NGRAM), VERIFY) < 1.02 * plain, "verify step within 2 % of a plain step");
    }

    @Test
    void operatorsDraftModelCostsKDecodeStepsOfTheDraftOnTheSameGpus() {
        PerformanceModel draft = PerformanceModel.of("llama-3.2-1b", "h100-sxm", Deployment.of(1, 1)).withCpuOverhead(0, 0);
        double step = draft.iterationNanos(IterationShape.uniformDecode(N, CONTEXT));
        long ngram = operators(spec(Method.NGRAM), VERIFY);
        assertEquals(K * step - SpeculativeCost.NGRAM_LOOKUP_NANOS, operators(spec(Method.DRAFT_MODEL), VERIFY) - ngram, 2.0);
    }

    @Test
    void operatorsEagleCostsKStepsOfOneTargetLayerAndTheLmHead() {
        PerformanceModel target = PerformanceModel.of("llama-3.1-8b", "h100-sxm", Deployment.of(1, 1));
        var t = target.timer();
        double step = target.decodeLayerNanos(N, (double) N * CONTEXT) + t.nanos(Operator.LM_HEAD, N) + t.nanos(Operator.SAMPLING, N);
        long ngram = operators(spec(Method.NGRAM), VERIFY);
        assertEquals(K * step - SpeculativeCost.NGRAM_LOOKUP_NANOS, operators(spec(Method.EAGLE), VERIFY) - ngram, 2.0);
        assertEquals(operators(spec(Method.EAGLE), VERIFY), operators(spec(Method.MTP), VERIFY), "MTP is charged as EAGLE");
        // the verify pass itself: attention reads each cache once, the linear layers and LM head run 16 rows, not 4:
        // at a batch of 4 the weights dominate, so it costs a few % more than a plain decode step
        long plain = operators(null, new DecodeBatch(N, 1, CONTEXT));
        assertTrue(ngram > plain && ngram < 1.1 * plain, "a 4-token verify of 4 sequences costs " + ngram + " ns vs " + plain);
    }

    @Test
    void otherExecutorsRefuseASpeculativePoolAndAnUnknownDraftModelIsNamed() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree("""
                pools:
                  - name: gpu
                    kv_cache: {capacity_blocks: 1000}
                    executor: {type: exec.constant}
                    speculative: {method: eagle, acceptance: {rate: 0.7}}
                  - name: draft
                    speculative: {method: draft-model, draft_model: no-such-model, acceptance: {rate: 0.7}}
                """);
        List<String> problems = PipelineCheck.problems(PipelineLoader.fromTree(tree, "t", null), PluginRegistry.load()).stream()
                .map(SettingProblem::message).filter(p -> p.contains("speculative")).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("pools[0].speculative: executor exec.constant does not model speculative decoding"
                + " (exec.roofline and exec.operators do)", problems.get(0));
        assertTrue(problems.get(1).startsWith("pools[1].speculative.draft_model: "), problems.get(1));
        assertThrows(ServeLabException.class, () -> new RooflineExecutor().attach(ctx(
                new SpeculativeDecoding(Method.DRAFT_MODEL, 2, new double[] {0.5, 0.5}, "no-such-model"))));
    }
}
