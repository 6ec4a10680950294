package dev.servelab.hw.jvm.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes floats as GGUF tensor bytes and decodes tensor bytes to floats, for F32, F16, BF16, Q8_0, Q4_0 and Q4_K. */
public final class TensorCodec {
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private TensorCodec() {
    }

    public static byte[] encode(float[] values, GgmlType type) {
        return switch (type) {
            case F32 -> {
                ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(values);
                yield b.array();
            }
            case F16, BF16 -> {
                ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : values) {
                    b.putShort(type == GgmlType.F16 ? Float.floatToFloat16(v) : toBf16(v));
                }
                yield b.array();
            }
            case Q8_0 -> Q8Codec.encode(values);
            case Q4_0 -> Q4Codec.encode(values);
            case Q4_K -> Q4KCodec.encode(values);
            default -> throw new IllegalArgumentException("encoding " + type + " is not supported");
        };
    }

    /** Decodes a tensor to floats; the error names the file and tensor for unsupported types. */
    public static float[] decode(GgufTensorInfo tensor, MemorySegment data, String source) {
        long n = tensor.elementCount();
        if (n > Integer.MAX_VALUE - 8) {
            throw new GgufFormatException(source + ": tensor '" + tensor.name() + "' has " + n
                    + " elements, more than a Java array holds");
        }
        int count = (int) n;
        return switch (tensor.type()) {
            case F32 -> {
                float[] out = new float[count];
                MemorySegment.copy(data, F32, 0, out, 0, count);
                yield out;
            }
            case F16 -> {
                float[] out = new float[count];
                for (int i = 0; i < count; i++) {
                    out[i] = Float.float16ToFloat(data.getAtIndex(U16, i));
                }
                yield out;
            }
            case BF16 -> {
                float[] out = new float[count];
                for (int i = 0; i < count; i++) {
                    out[i] = Float.intBitsToFloat((data.getAtIndex(U16, i) & 0xFFFF) << 16);
                }
                yield out;
            }
            case Q8_0 -> Q8Codec.decode(data, count);
            case Q4_0 -> Q4Codec.decode(data, count);
            case Q4_K -> Q4KCodec.decode(data, count);
            default -> throw unsupported(tensor, source);
        };
    }

    public static GgufFormatException unsupported(GgufTensorInfo tensor, String source) {
        return new GgufFormatException(source + ": tensor '" + tensor.name() + "' has type " + tensor.type()
                + ", which this backend does not read (supported: F32, F16, BF16, Q8_0, Q4_0, Q4_K)");
    }

    /** Round-to-nearest-even truncation of a float to bfloat16. */
    static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
