package dev.servelab.hw.jvm.gguf;

/** A tensor to write: name, dimensions ({@code dims[0]} contiguous), type and its encoded bytes. */
public record GgufTensorData(String name, long[] dims, GgmlType type, byte[] bytes) {
    public GgufTensorData {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (type.bytesFor(n) != bytes.length || n % type.blockElements() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "': " + bytes.length + " bytes do not hold "
                    + n + " " + type + " elements");
        }
    }
}
