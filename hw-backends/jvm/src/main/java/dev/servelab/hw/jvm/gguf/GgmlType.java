package dev.servelab.hw.jvm.gguf;

/**
 * Tensor element types (ggml's {@code ggml_type}). Types marked unsupported are named only so that
 * an error can say which type a file used.
 */
public enum GgmlType {
    F32(0, 1, 4, true), F16(1, 1, 2, true), Q4_0(2, 32, 18, true), Q4_1(3, 32, 20, false),
    Q5_0(6, 32, 22, false), Q5_1(7, 32, 24, false), Q8_0(8, 32, 34, true), Q8_1(9, 32, 36, false),
    Q2_K(10, 256, 84, false), Q3_K(11, 256, 110, false), Q4_K(12, 256, 144, true),
    Q5_K(13, 256, 176, false), Q6_K(14, 256, 210, false), Q8_K(15, 256, 292, false),
    BF16(30, 1, 2, true);

    private final int id;
    private final int blockElements;
    private final int blockBytes;
    private final boolean supported;

    GgmlType(int id, int blockElements, int blockBytes, boolean supported) {
        this.id = id;
        this.blockElements = blockElements;
        this.blockBytes = blockBytes;
        this.supported = supported;
    }

    public int id() {
        return id;
    }

    public int blockElements() {
        return blockElements;
    }

    public boolean supported() {
        return supported;
    }

    /** Bytes of {@code elements} values (a whole number of blocks). */
    public long bytesFor(long elements) {
        return elements / blockElements * blockBytes;
    }

    /** The type with this id, or null. */
    public static GgmlType byId(int id) {
        for (GgmlType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        return null;
    }
}
