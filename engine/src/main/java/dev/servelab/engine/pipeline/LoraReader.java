package dev.servelab.engine.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.MultiLora;
import dev.servelab.engine.spi.MultiLora.Targets;

import java.util.Arrays;

/**
 * Reads a pool's {@code lora} mapping: {@code {max_loras: N, max_lora_rank: r, target_modules:
 * attention|all-linear, adapter_load_ms: t | load_bandwidth_gb_s: B, dtype_bytes: 2}}; every error names
 * the field. Defaults follow vLLM ({@code max_loras} 1, {@code max_lora_rank} 16); adapters load at 25 GB/s
 * (host memory over PCIe 4.0 x16) unless {@code adapter_load_ms} fixes the time.
 */
final class LoraReader {
    static final double DEFAULT_BANDWIDTH_GB_S = 25;

    private LoraReader() {
    }

    /** The setting, or null when {@code node} is absent. */
    static MultiLora read(JsonNode node, String path) {
        if (node == null || node.isNull()) return null;
        NodeReader r = new NodeReader(node, path);
        int maxLoras = (int) r.integer("max_loras", 1, 1, 4096);
        int rank = (int) r.integer("max_lora_rank", 16, 1, 4096);
        String targetText = r.string("target_modules", Targets.ATTENTION.id());
        Targets targets = Targets.of(targetText);
        if (targets == null) {
            throw new ServeLabException(r.path("target_modules") + ": unknown value '" + targetText + "' (known: "
                    + String.join(", ", Arrays.stream(Targets.values()).map(Targets::id).toList()) + ")");
        }
        Double loadMs = r.optionalNumber("adapter_load_ms", 0, 1e9);
        Double bandwidth = r.optionalNumber("load_bandwidth_gb_s", 1e-6, 1e6);
        if (loadMs != null && bandwidth != null) {
            throw new ServeLabException(r.path("adapter_load_ms") + ": give adapter_load_ms or load_bandwidth_gb_s, not both");
        }
        int dtypeBytes = (int) r.integer("dtype_bytes", 2, 1, 8);
        r.rejectUnknown();
        return new MultiLora(maxLoras, rank, targets, loadMs, bandwidth == null ? DEFAULT_BANDWIDTH_GB_S : bandwidth,
                dtypeBytes);
    }
}
