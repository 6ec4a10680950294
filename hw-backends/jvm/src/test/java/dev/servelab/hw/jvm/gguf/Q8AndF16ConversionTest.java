package dev.servelab.hw.jvm.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Q8AndF16ConversionTest {
    @Test
    void q8ErrorIsAtMostHalfAStepOfEachBlock() {
        Random rnd = new Random(3);
        float[] x = new float[32 * 200];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rnd.nextGaussian() * Math.pow(10, (i / 32) % 5 - 2)); // blocks of very different scales
        }
        byte[] encoded = Q8Codec.encode(x);
        assertEquals(x.length / 32 * 34, encoded.length);
        float[] back = Q8Codec.decode(MemorySegment.ofArray(encoded), x.length);
        for (int b = 0; b < x.length / 32; b++) {
            float amax = 0;
            for (int j = 0; j < 32; j++) {
                amax = Math.max(amax, Math.abs(x[b * 32 + j]));
            }
            float step = amax / 127f;
            for (int j = 0; j < 32; j++) {
                int i = b * 32 + j;
                // half a step from rounding, plus the F16 scale's relative error (2^-11) times |q| <= 127
                double bound = step / 2 + 127 * step * Math.pow(2, -11) + 1e-12;
                assertTrue(Math.abs(x[i] - back[i]) <= bound, "element " + i + ": " + x[i] + " -> " + back[i]);
            }
        }
    }

    @Test
    void q8OfZeroBlockIsZero() {
        float[] back = Q8Codec.decode(MemorySegment.ofArray(Q8Codec.encode(new float[32])), 32);
        assertEquals(0f, back[5]);
    }

    @Test
    void everyF16ValueSurvivesFloatAndBack() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            short h = (short) bits;
            float f = Float.float16ToFloat(h);
            if (!Float.isNaN(f)) {
                assertEquals(h, Float.floatToFloat16(f), "f16 bits " + Integer.toHexString(bits));
            }
        }
    }

    @Test
    void f16RoundingErrorIsWithinHalfAnUlp() {
        Random rnd = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            float x = (float) (rnd.nextGaussian() * 100);
            float back = Float.float16ToFloat(Float.floatToFloat16(x));
            assertTrue(Math.abs(x - back) <= Math.abs(x) * Math.pow(2, -11) + 1e-7, x + " -> " + back);
        }
        assertEquals(65504f, Float.float16ToFloat(Float.floatToFloat16(65504f)));
        assertEquals(Float.POSITIVE_INFINITY, Float.float16ToFloat(Float.floatToFloat16(1e6f)));
    }

    @Test
    void bf16KeepsTheTopSixteenBitsRounded() {
        assertEquals(1.0f, Float.intBitsToFloat(TensorCodec.toBf16(1.0f) << 16));
        float x = 3.14159f;
        float back = Float.intBitsToFloat((TensorCodec.toBf16(x) & 0xFFFF) << 16);
        assertTrue(Math.abs(x - back) <= x * Math.pow(2, -8), x + " -> " + back);
    }
}
