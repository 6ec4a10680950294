package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.MultiLora.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A pool's {@code lora} mapping: read, vLLM's defaults, errors naming the field. */
class LoraReaderTest {
    private static PoolSpec pool(String lora) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(
                "pools:\n  - name: gpu\n" + (lora == null ? "" : "    lora: " + lora + "\n"));
        return PipelineLoader.fromTree(tree, "t", null).pools().getFirst();
    }

    private static String error(String lora) {
        return assertThrows(ServeLabException.class, () -> pool(lora)).getMessage();
    }

    @Test
    void absentMeansNoneAndAnEmptyMappingMeansVllmDefaults() throws Exception {
        assertNull(pool(null).lora());
        assertEquals(new MultiLora(1, 16, Targets.ATTENTION, null, 25, 2), pool("{}").lora());
        MultiLora l = pool("{max_loras: 4, max_lora_rank: 64, target_modules: all-linear, adapter_load_ms: 12.5}").lora();
        assertEquals(new MultiLora(4, 64, Targets.ALL_LINEAR, 12.5, 25, 2), l);
        assertEquals(12_500_000, l.loadNanos(1L << 40), "a fixed load time ignores the bytes");
        assertEquals(40_000_000, pool("{load_bandwidth_gb_s: 10}").lora().loadNanos(400_000_000L), "400 MB at 10 GB/s");
    }

    @Test
    void errorsNameTheField() {
        assertEquals("pools[0].lora.max_loras: 0 is out of range [1, 4096]", error("{max_loras: 0}"));
        assertEquals("pools[0].lora.target_modules: unknown value 'mlp' (known: attention, all-linear)",
                error("{target_modules: mlp}"));
        assertEquals("pools[0].lora.adapter_load_ms: give adapter_load_ms or load_bandwidth_gb_s, not both",
                error("{adapter_load_ms: 5, load_bandwidth_gb_s: 10}"));
        assertEquals(true, error("{max_lora: 2}").startsWith("pools[0].lora.max_lora"), error("{max_lora: 2}"));
    }
}
