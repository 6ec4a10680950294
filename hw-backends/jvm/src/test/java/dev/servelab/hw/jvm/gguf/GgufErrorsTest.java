package dev.servelab.hw.jvm.gguf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files fail with a message that names the file and the field. */
class GgufErrorsTest {
    @TempDir
    Path dir;

    @Test
    void wrongMagicIsNamed() throws Exception {
        Path f = dir.resolve("not.gguf");
        Files.write(f, "PK\u0003\u0004 not a model at all".getBytes());
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufFile.open(f).close());
        assertTrue(e.getMessage().contains("not.gguf") && e.getMessage().contains("not a GGUF file"), e.getMessage());
    }

    @Test
    void truncatedFileNamesTheFieldBeingRead() throws Exception {
        Path good = dir.resolve("good.gguf");
        Map<String, GgufValue> meta = new LinkedHashMap<>();
        meta.put("general.name", GgufValue.string("x"));
        GgufWriter.write(good, meta, List.of());
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.gguf");
        Files.write(cut, Arrays.copyOf(bytes, 50));
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufFile.open(cut).close());
        assertTrue(e.getMessage().contains("cut.gguf") && e.getMessage().contains("general.name"), e.getMessage());
    }

    @Test
    void unsupportedTensorTypeIsNamedWhenDecoded() throws Exception {
        Path f = dir.resolve("q6k.gguf");
        GgufWriter.write(f, new LinkedHashMap<>(), List.of(
                new GgufTensorData("blk.0.attn_q.weight", new long[] {256}, GgmlType.Q6_K, new byte[210])));
        try (GgufFile gguf = GgufFile.open(f)) {
            GgufTensorInfo t = gguf.tensor("blk.0.attn_q.weight");
            GgufFormatException e = assertThrows(GgufFormatException.class,
                    () -> TensorCodec.decode(t, gguf.data(t), f.toString()));
            assertTrue(e.getMessage().contains("q6k.gguf") && e.getMessage().contains("blk.0.attn_q.weight")
                    && e.getMessage().contains("Q6_K"), e.getMessage());
        }
    }

    @Test
    void missingAndMistypedMetadataAreNamed() throws Exception {
        Path f = dir.resolve("meta.gguf");
        Map<String, GgufValue> meta = new LinkedHashMap<>();
        meta.put("llama.block_count", GgufValue.string("twelve"));
        GgufWriter.write(f, meta, List.of());
        try (GgufFile gguf = GgufFile.open(f)) {
            String wrong = assertThrows(GgufFormatException.class, () -> gguf.metadata().int32("llama.block_count")).getMessage();
            assertTrue(wrong.contains("meta.gguf") && wrong.contains("llama.block_count") && wrong.contains("STRING"), wrong);
            String missing = assertThrows(GgufFormatException.class, () -> gguf.metadata().string("general.architecture")).getMessage();
            assertTrue(missing.contains("general.architecture") && missing.contains("missing"), missing);
        }
    }
}
