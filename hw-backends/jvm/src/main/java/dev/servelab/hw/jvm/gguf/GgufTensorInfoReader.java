package dev.servelab.hw.jvm.gguf;

/** Parses one tensor info entry: name, n_dims (u32), dims (u64 each), type (u32), offset (u64). */
final class GgufTensorInfoReader {
    private static final int MAX_DIMS = 4;

    private GgufTensorInfoReader() {
    }

    static GgufTensorInfo read(SegmentCursor in, String source, long index) {
        String name = in.string("tensor #" + index + " name");
        String where = source + ": tensor '" + name + "'";
        int nDims = in.u32("tensor '" + name + "' n_dimensions");
        if (nDims < 1 || nDims > MAX_DIMS) {
            throw new GgufFormatException(where + ": n_dimensions = " + nDims + " (expected 1.." + MAX_DIMS + ")");
        }
        long[] dims = new long[nDims];
        for (int d = 0; d < nDims; d++) {
            dims[d] = in.u64("tensor '" + name + "' dimension " + d);
            if (dims[d] <= 0 || dims[d] > Integer.MAX_VALUE) {
                throw new GgufFormatException(where + ": dimension " + d + " = " + Long.toUnsignedString(dims[d])
                        + " is not a positive int");
            }
        }
        int typeId = in.u32("tensor '" + name + "' type");
        GgmlType type = GgmlType.byId(typeId);
        if (type == null) {
            throw new GgufFormatException(where + ": unknown ggml type id " + typeId);
        }
        if (dims[0] % type.blockElements() != 0) {
            throw new GgufFormatException(where + ": dimension 0 = " + dims[0] + " is not a multiple of the "
                    + type + " block size " + type.blockElements());
        }
        long offset = in.u64("tensor '" + name + "' offset");
        return new GgufTensorInfo(name, dims, type, offset);
    }
}
