package dev.servelab.hw.perf;

import dev.servelab.hw.perf.catalog.CatalogException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.perf.model.Dtype;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {
    /** Published parameter counts (model cards), in billions. */
    static final Map<String, Double> PUBLISHED_B = Map.ofEntries(
            Map.entry("llama-3.2-1b", 1.24), Map.entry("llama-3.2-3b", 3.21), Map.entry("llama-3.1-8b", 8.03),
            Map.entry("llama-3.1-70b", 70.6), Map.entry("codellama-34b", 33.7), Map.entry("mistral-7b", 7.25),
            Map.entry("qwen2.5-7b", 7.62), Map.entry("qwen2.5-32b", 32.8), Map.entry("qwen2.5-72b", 72.7),
            Map.entry("mixtral-8x7b", 46.7), Map.entry("phi-3-mini", 3.82));

    @Test
    void everyShippedModelLoadsAndMatchesItsPublishedSize() {
        ModelCatalog c = ModelCatalog.standard();
        assertTrue(c.ids().containsAll(PUBLISHED_B.keySet()), c.ids().toString());
        PUBLISHED_B.forEach((id, billions) -> {
            ModelSpec m = c.get(id);
            double b = m.parameterCount() / 1e9;
            // Qwen2's q/k/v biases are not counted; they are < 0.1 % of the weights
            assertEquals(billions, b, 0.01 * billions, id + " parameters " + b + "B");
            assertEquals(m.parameterCount() * 2.0, m.weightBytes(Dtype.BF16));
        });
    }

    @Test
    void mixtralIsMoeWithTopTwoRouting() {
        ModelSpec m = ModelCatalog.standard().get("mixtral-8x7b");
        assertTrue(m.isMoe());
        assertEquals(8, m.numExperts());
        assertEquals(2, m.expertsPerToken());
        assertEquals(12.9, m.activeParameterCount() / 1e9, 0.15);
    }

    @Test
    void kvBytesPerTokenFollowGqa() {
        ModelSpec m = ModelCatalog.standard().get("llama-3.1-8b");
        assertEquals(2.0 * 32 * 8 * 128 * 2, m.kvBytesPerToken(Dtype.BF16));
        assertEquals(2.0 * 32 * 8 * 128, m.kvBytesPerToken(Dtype.FP8));
        assertEquals(0.5 * m.weightBytes(Dtype.BF16), m.weightBytes(Dtype.FP8));
        assertEquals(0.25 * m.weightBytes(Dtype.BF16), m.weightBytes(Dtype.INT4));
    }

    @Test
    void anyDroppedInConfigJsonLoads(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tiny-model").resolve("config.json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"hidden_size\": 256, \"num_hidden_layers\": 4, \"num_attention_heads\": 4,"
                + " \"intermediate_size\": 1024, \"vocab_size\": 1000}");
        ModelSpec m = ModelCatalog.load(f);
        assertEquals("tiny-model", m.id());
        assertEquals(4, m.numKvHeads());
        assertEquals(64, m.headDim());
    }

    @Test
    void missingFieldNamesFileAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"hidden_size\": 256, \"num_attention_heads\": 4}");
        CatalogException e = assertThrows(CatalogException.class, () -> ModelCatalog.load(f));
        assertTrue(e.getMessage().contains("broken.json") && e.getMessage().contains("num_hidden_layers"), e.getMessage());
    }
}
