package dev.servelab.hw.jvm.gguf;

import java.util.Arrays;

/**
 * A tensor's header entry: name, dimensions ({@code dims[0]} is the contiguous one, ggml's
 * {@code ne[0]}), element type and byte offset from the start of the data section.
 */
public record GgufTensorInfo(String name, long[] dims, GgmlType type, long offset) {

    /** The number of elements; {@link Long#MAX_VALUE} when the product overflows (the file check then refuses it). */
    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    public long byteSize() {
        return type.bytesFor(elementCount());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo(String n, long[] d, GgmlType t, long off)
                && n.equals(name) && Arrays.equals(d, dims) && t == type && off == offset;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims) + " " + type + " @" + offset;
    }
}
