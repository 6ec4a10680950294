package dev.servelab.hw.jvm.gguf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GGUF file (the llama.cpp model format, spec: ggml's {@code docs/gguf.md}), memory-mapped
 * read-only into a shared {@link Arena}: the header and metadata are parsed, tensor data stays in
 * the mapping until {@link #close()}.
 *
 * <p>Layout: magic {@code GGUF}, version (2 or 3), tensor count, metadata count (u64 each), the
 * metadata key-value pairs, the tensor infos, then padding to {@code general.alignment} (default
 * 32) and the data section; each tensor's offset is relative to the data section's start.
 */
public final class GgufFile implements AutoCloseable {
    public static final int MAGIC = 0x46554747; // "GGUF" read little-endian
    public static final int DEFAULT_ALIGNMENT = 32;

    private final Path path;
    private final Arena arena;
    private final MemorySegment mapped;
    private final int version;
    private final GgufMetadata metadata;
    private final Map<String, GgufTensorInfo> tensors;
    private final long dataStart;

    private GgufFile(Path path, Arena arena, MemorySegment mapped, int version, GgufMetadata metadata,
                     Map<String, GgufTensorInfo> tensors, long dataStart) {
        this.path = path;
        this.arena = arena;
        this.mapped = mapped;
        this.version = version;
        this.metadata = metadata;
        this.tensors = tensors;
        this.dataStart = dataStart;
    }

    /** Maps and parses {@code path}; throws {@link GgufFormatException} naming the file and field. */
    public static GgufFile open(Path path) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return parse(path, arena, mapped);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static GgufFile parse(Path path, Arena arena, MemorySegment mapped) {
        String source = path.toString();
        SegmentCursor in = new SegmentCursor(mapped, source);
        int magic = in.u32("magic");
        if (magic != MAGIC) {
            throw new GgufFormatException(source + ": not a GGUF file (magic is 0x"
                    + Integer.toHexString(magic) + ", expected the bytes 'GGUF')");
        }
        int version = in.u32("version");
        if (version != 2 && version != 3) {
            throw new GgufFormatException(source + ": GGUF version " + version + " is not supported (2 or 3)");
        }
        long tensorCount = in.count("tensor_count", 24);
        long kvCount = in.count("metadata_kv_count", 12);
        Map<String, GgufValue> kv = new LinkedHashMap<>();
        GgufValueReader values = new GgufValueReader(in, source);
        for (long i = 0; i < kvCount; i++) {
            String key = in.string("metadata key #" + i);
            kv.put(key, values.read(key));
        }
        GgufMetadata metadata = new GgufMetadata(source, kv);
        List<GgufTensorInfo> infos = new ArrayList<>();
        for (long i = 0; i < tensorCount; i++) {
            infos.add(GgufTensorInfoReader.read(in, source, i));
        }
        int alignment = metadata.has("general.alignment") ? metadata.int32("general.alignment") : DEFAULT_ALIGNMENT;
        if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new GgufFormatException(source + ": metadata 'general.alignment' = " + alignment
                    + " is not a power of two");
        }
        long dataStart = alignUp(in.position(), alignment);
        Map<String, GgufTensorInfo> byName = new LinkedHashMap<>();
        for (GgufTensorInfo t : infos) {
            long available = mapped.byteSize() - dataStart;
            boolean fits = t.offset() >= 0 && t.offset() <= available && t.byteSize() >= 0
                    && t.elementCount() != Long.MAX_VALUE && t.byteSize() <= available - t.offset();
            if (t.offset() % alignment != 0 || !fits) {
                throw new GgufFormatException(source + ": tensor '" + t.name() + "' data [" + Long.toUnsignedString(t.offset())
                        + ", +" + t.byteSize() + ") is misaligned or past the end of the file (" + mapped.byteSize() + " bytes)");
            }
            if (byName.put(t.name(), t) != null) {
                throw new GgufFormatException(source + ": tensor '" + t.name() + "' appears twice");
            }
        }
        return new GgufFile(path, arena, mapped, version, metadata, byName, dataStart);
    }

    static long alignUp(long position, int alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }

    public Path path() {
        return path;
    }

    public int version() {
        return version;
    }

    public GgufMetadata metadata() {
        return metadata;
    }

    /** Tensor infos in file order. */
    public Map<String, GgufTensorInfo> tensors() {
        return tensors;
    }

    public GgufTensorInfo tensor(String name) {
        GgufTensorInfo t = tensors.get(name);
        if (t == null) {
            throw new GgufFormatException(path + ": tensor '" + name + "' is missing");
        }
        return t;
    }

    /** The tensor's bytes, a slice of the mapping (valid until {@link #close()}). */
    public MemorySegment data(GgufTensorInfo tensor) {
        return mapped.asSlice(dataStart + tensor.offset(), tensor.byteSize());
    }

    @Override
    public void close() {
        arena.close();
    }
}
