package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.SpeculativeDecoding;
import dev.servelab.engine.spi.SpeculativeDecoding.Method;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A pool's {@code speculative} mapping: read, defaults, and one error naming the field. */
class SpeculativeReaderTest {
    private static PoolSpec pool(String speculative) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(
                "pools:\n  - name: gpu\n" + (speculative == null ? "" : "    speculative: " + speculative + "\n"));
        return PipelineLoader.fromTree(tree, "t", null).pools().getFirst();
    }

    private static String error(String speculative) {
        return assertThrows(ServeLabException.class, () -> pool(speculative)).getMessage();
    }

    @Test
    void absentMeansNone() throws Exception {
        assertNull(pool(null).speculative());
    }

    @Test
    void aRateOrPerPositionRatesAreRead() throws Exception {
        SpeculativeDecoding s = pool("{method: eagle, num_speculative_tokens: 3, acceptance: {rate: 0.7}}").speculative();
        assertEquals(Method.EAGLE, s.method());
        assertArrayEquals(new double[] {0.7, 0.7, 0.7}, s.acceptance());
        SpeculativeDecoding d = pool("{method: draft-model, draft_model: llama-3.2-1b, num_speculative_tokens: 2,"
                + " acceptance: {per_position: [0.8, 0.6]}}").speculative();
        assertEquals("llama-3.2-1b", d.draftModel());
        assertArrayEquals(new double[] {0.8, 0.6}, d.acceptance());
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("pools[0].speculative.method: unknown method 'medusa' (known: draft-model, eagle, ngram, mtp)",
                error("{method: medusa, acceptance: {rate: 0.5}}"));
        assertEquals("pools[0].speculative.method: required (draft-model, eagle, ngram or mtp)", error("{acceptance: {rate: 0.5}}"));
        assertEquals("pools[0].speculative.draft_model: required for method draft-model (a model catalog id, or a draft GGUF file for exec.jvm)",
                error("{method: draft-model, acceptance: {rate: 0.5}}"));
        assertEquals("pools[0].speculative.draft_model: only method draft-model has a draft model",
                error("{method: eagle, draft_model: llama-3.2-1b, acceptance: {rate: 0.5}}"));
        assertEquals("pools[0].speculative.acceptance.per_position: 2 rates for num_speculative_tokens 3 (one per position)",
                error("{method: ngram, num_speculative_tokens: 3, acceptance: {per_position: [0.5, 0.4]}}"));
        assertEquals("pools[0].speculative.acceptance.per_position[1]: expected a probability in [0, 1], found number 1.5",
                error("{method: ngram, num_speculative_tokens: 2, acceptance: {per_position: [0.5, 1.5]}}"));
        assertEquals("pools[0].speculative.acceptance.rate: 1.2 is out of range [0.0, 1.0]",
                error("{method: mtp, acceptance: {rate: 1.2}}"));
        assertEquals("pools[0].speculative.acceptance: give exactly one of rate, per_position or file",
                error("{method: mtp, num_speculative_tokens: 1, acceptance: {rate: 0.5, per_position: [0.5]}}"));
        assertEquals("pools[0].speculative.acceptance: required ({rate: α}, {per_position: [a1..ak]} or {file: measured.json})", error("{method: mtp}"));
        assertEquals("pools[0].speculative.num_speculative_tokens: 0 is out of range [1, 64]",
                error("{method: mtp, num_speculative_tokens: 0, acceptance: {rate: 0.5}}"));
        assertEquals("pools[0].speculative.typo: unknown field (known here: acceptance, draft_model, method, num_speculative_tokens)",
                error("{method: mtp, typo: 1, acceptance: {rate: 0.5}}"));
    }

    @Test
    void aMeasuredAcceptanceFileGivesItsPerPositionRates(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("measured.json"),
                "{\"num_speculative_tokens\": 3, \"per_position\": [0.85, 0.88, 0.5], \"verify_steps\": 873}");
        ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree("pools:\n  - speculative: {method: eagle,"
                + " num_speculative_tokens: 3, acceptance: {file: measured.json}}\n");
        SpeculativeDecoding s = PipelineLoader.fromTree(tree, "t", dir).pools().getFirst().speculative();
        assertArrayEquals(new double[] {0.85, 0.88, 0.5}, s.acceptance());
        ObjectNode k2 = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree("pools:\n  - speculative: {method: eagle,"
                + " num_speculative_tokens: 2, acceptance: {file: measured.json}}\n");
        String e = assertThrows(ServeLabException.class, () -> PipelineLoader.fromTree(k2, "t", dir)).getMessage();
        assertEquals("pools[0].speculative.acceptance.file: " + dir.resolve("measured.json")
                + " was measured with num_speculative_tokens 3, the pool verifies 2", e);
    }

    @Test
    void nullTurnsItOff() throws Exception {
        assertNull(pool("null").speculative());
    }
}
