package dev.servelab.hw.jvm.gguf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyMetadataTypeAndTensorTypeSurvivesWriteAndRead() throws Exception {
        Map<String, GgufValue> meta = new LinkedHashMap<>();
        meta.put("u8", new GgufValue(GgufValueType.UINT8, 255L));
        meta.put("i8", new GgufValue(GgufValueType.INT8, -128L));
        meta.put("u16", new GgufValue(GgufValueType.UINT16, 65535L));
        meta.put("i16", new GgufValue(GgufValueType.INT16, -300L));
        meta.put("u32", GgufValue.uint32(4_000_000_000L));
        meta.put("i32", GgufValue.int32(-7L));
        meta.put("u64", new GgufValue(GgufValueType.UINT64, 1L << 40));
        meta.put("i64", new GgufValue(GgufValueType.INT64, -(1L << 40)));
        meta.put("f32", GgufValue.float32(0.25f));
        meta.put("f64", new GgufValue(GgufValueType.FLOAT64, Math.PI));
        meta.put("bool", GgufValue.bool(true));
        meta.put("text", GgufValue.string("grüße ✓"));
        meta.put("strings", GgufValue.array(GgufValueType.STRING, List.of("a", "", "c d")));
        meta.put("ints", GgufValue.array(GgufValueType.INT32, List.of(1L, -2L, 3L)));
        meta.put("floats", GgufValue.array(GgufValueType.FLOAT32, List.of(1.5f, -2f)));
        float[] values = new float[64];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i - 31) / 8f;
        }
        List<GgufTensorData> tensors = List.of(
                new GgufTensorData("f32", new long[] {32, 2}, GgmlType.F32, TensorCodec.encode(values, GgmlType.F32)),
                new GgufTensorData("f16", new long[] {64}, GgmlType.F16, TensorCodec.encode(values, GgmlType.F16)),
                new GgufTensorData("bf16", new long[] {64}, GgmlType.BF16, TensorCodec.encode(values, GgmlType.BF16)),
                new GgufTensorData("q8", new long[] {32, 2}, GgmlType.Q8_0, TensorCodec.encode(values, GgmlType.Q8_0)));
        Path file = dir.resolve("round.gguf");
        GgufWriter.write(file, meta, tensors);

        try (GgufFile gguf = GgufFile.open(file)) {
            assertEquals(3, gguf.version());
            assertEquals(meta, gguf.metadata().entries());
            assertEquals(List.of("f32", "f16", "bf16", "q8"), List.copyOf(gguf.tensors().keySet()));
            for (GgufTensorData t : tensors) {
                GgufTensorInfo info = gguf.tensor(t.name());
                assertEquals(t.type(), info.type());
                assertArrayEquals(t.dims(), info.dims());
                assertEquals(0, info.offset() % GgufFile.DEFAULT_ALIGNMENT);
                assertArrayEquals(t.bytes(), gguf.data(info).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
                float tolerance = t.type() == GgmlType.Q8_0 ? 4f / 127 / 2 + 1e-3f : 0f;
                assertArrayEquals(values, TensorCodec.decode(info, gguf.data(info), "test"), tolerance, t.name());
            }
        }
    }
}
