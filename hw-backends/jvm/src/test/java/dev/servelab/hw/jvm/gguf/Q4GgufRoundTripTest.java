package dev.servelab.hw.jvm.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.servelab.hw.kernels.GaussianArrays;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Q4_0 and Q4_K tensors written to a GGUF file come back with their type ids (2, 12), sizes and values. */
class Q4GgufRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void q4TensorsSurviveAFile() throws Exception {
        float[] values = GaussianArrays.of(new Random(5), 512 * 3);
        byte[] q4 = Q4Codec.encode(values);
        byte[] q4k = Q4KCodec.encode(values);
        Path f = dir.resolve("q4.gguf");
        GgufWriter.write(f, new LinkedHashMap<>(), List.of(
                new GgufTensorData("a.weight", new long[] {512, 3}, GgmlType.Q4_0, q4),
                new GgufTensorData("b.weight", new long[] {512, 3}, GgmlType.Q4_K, q4k)));
        assertEquals(3 * 16 * 18, q4.length);
        assertEquals(3 * 2 * 144, q4k.length);
        try (GgufFile gguf = GgufFile.open(f)) {
            GgufTensorInfo a = gguf.tensor("a.weight");
            GgufTensorInfo b = gguf.tensor("b.weight");
            assertEquals(2, a.type().id());
            assertEquals(12, b.type().id());
            assertArrayEquals(Q4Codec.decode(MemorySegment.ofArray(q4), values.length),
                    TensorCodec.decode(a, gguf.data(a), f.toString()));
            assertArrayEquals(Q4KCodec.decode(MemorySegment.ofArray(q4k), values.length),
                    TensorCodec.decode(b, gguf.data(b), f.toString()));
        }
    }
}
