package dev.servelab.hw.jvm.tiny;

import dev.servelab.hw.jvm.gguf.GgufFile;
import dev.servelab.hw.jvm.gguf.GgufFormatException;
import dev.servelab.hw.jvm.gguf.GgufTensorData;
import dev.servelab.hw.jvm.gguf.GgufTensorInfo;
import dev.servelab.hw.jvm.gguf.GgufValue;
import dev.servelab.hw.jvm.gguf.GgufWriter;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a draft model for speculative decoding from a target GGUF: the target's first {@code layers}
 * transformer blocks with the target's own token embedding, final norm, output head and tokenizer
 * (same vocabulary, so its proposals can be verified token for token). This is the early-exit /
 * layer-skip draft of Draft&amp;Verify (Zhang et al., "Draft &amp; Verify: Lossless Large Language Model
 * Acceleration via Self-Speculative Decoding", ACL 2024) and LayerSkip (Elhoushi et al., ACL 2024),
 * as a separate file so that the live backend treats it as any other draft model.
 */
public final class LayerSkipDraft {
    private LayerSkipDraft() {
    }

    /** Writes {@code out}: {@code target} cut to its first {@code layers} blocks; returns the target's block count. */
    public static int write(Path target, int layers, Path out) throws IOException {
        try (GgufFile file = GgufFile.open(target)) {
            int blocks = file.metadata().int32("llama.block_count");
            if (layers < 1 || layers >= blocks) {
                throw new GgufFormatException(target + ": a draft keeps 1.." + (blocks - 1) + " of its " + blocks
                        + " layers, asked for " + layers);
            }
            Map<String, GgufValue> meta = new LinkedHashMap<>(file.metadata().entries());
            meta.put("llama.block_count", new GgufValue(meta.get("llama.block_count").type(), (long) layers));
            meta.put("general.name", GgufValue.string(file.metadata().string("general.name", "model") + "-draft-l" + layers));
            List<GgufTensorData> tensors = new ArrayList<>();
            for (GgufTensorInfo t : file.tensors().values()) {
                if (layerOf(t.name()) >= layers) continue;
                tensors.add(new GgufTensorData(t.name(), t.dims(), t.type(), file.data(t).toArray(ValueLayout.JAVA_BYTE)));
            }
            GgufWriter.write(out, meta, tensors);
            return blocks;
        }
    }

    /** The block index of a {@code blk.N.*} tensor, -1 for the others (embedding, output, norms). */
    private static int layerOf(String name) {
        if (!name.startsWith("blk.")) return -1;
        int dot = name.indexOf('.', 4);
        return Integer.parseInt(name.substring(4, dot));
    }
}
