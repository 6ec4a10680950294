package dev.servelab.hw.jvm.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF version 3 file: header, metadata in the map's order, tensor infos, then each
 * tensor's data aligned to {@code general.alignment} (default 32), as the llama.cpp GGUF spec lays it out.
 */
public final class GgufWriter {
    private GgufWriter() {
    }

    public static void write(Path path, Map<String, GgufValue> metadata, List<GgufTensorData> tensors)
            throws IOException {
        int alignment = metadata.containsKey("general.alignment")
                ? ((Long) metadata.get("general.alignment").value()).intValue() : GgufFile.DEFAULT_ALIGNMENT;
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            LittleEndianOutput out = new LittleEndianOutput(file);
            out.u32(GgufFile.MAGIC);
            out.u32(3);
            out.u64(tensors.size());
            out.u64(metadata.size());
            for (Map.Entry<String, GgufValue> e : metadata.entrySet()) {
                out.string(e.getKey());
                writeValue(out, e.getValue());
            }
            long offset = 0;
            for (GgufTensorData t : tensors) {
                out.string(t.name());
                out.u32(t.dims().length);
                for (long d : t.dims()) {
                    out.u64(d);
                }
                out.u32(t.type().id());
                out.u64(offset);
                offset = GgufFile.alignUp(offset + t.bytes().length, alignment);
            }
            out.padTo(alignment);
            for (GgufTensorData t : tensors) {
                out.bytes(t.bytes());
                out.padTo(alignment);
            }
        }
    }

    private static void writeValue(LittleEndianOutput out, GgufValue value) throws IOException {
        out.u32(value.type().id());
        if (value.type() == GgufValueType.ARRAY) {
            GgufArray array = (GgufArray) value.value();
            out.u32(array.elementType().id());
            out.u64(array.elements().size());
            for (Object element : array.elements()) {
                writeScalar(out, array.elementType(), element);
            }
        } else {
            writeScalar(out, value.type(), value.value());
        }
    }

    private static void writeScalar(LittleEndianOutput out, GgufValueType type, Object v) throws IOException {
        switch (type) {
            case UINT8, INT8 -> out.u8(((Number) v).intValue());
            case UINT16, INT16 -> out.u16(((Number) v).intValue());
            case UINT32, INT32 -> out.u32(((Number) v).intValue());
            case UINT64, INT64 -> out.u64(((Number) v).longValue());
            case FLOAT32 -> out.u32(Float.floatToRawIntBits(((Number) v).floatValue()));
            case FLOAT64 -> out.u64(Double.doubleToRawLongBits(((Number) v).doubleValue()));
            case BOOL -> out.u8(((Boolean) v) ? 1 : 0);
            case STRING -> out.string((String) v);
            case ARRAY -> throw new IllegalArgumentException("nested arrays are not supported");
        }
    }
}
