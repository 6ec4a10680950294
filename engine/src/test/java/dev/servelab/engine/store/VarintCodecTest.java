package dev.servelab.engine.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VarintCodecTest {
    @Test
    void roundTripsSmallAndLargeValues() {
        long[] values = {0, 1, 127, 128, 300, 16_383, 16_384, 1L << 40, Long.MAX_VALUE};
        VarintCodec c = new VarintCodec(4);
        for (long v : values) c.write(v);
        assertArrayEquals(values, VarintCodec.decode(c.toBytes(), values.length));
        assertArrayEquals(values, VarintCodec.decode(c.toBytes(), -1));
        assertEquals(1, sizeOf(127));
        assertEquals(2, sizeOf(128));
    }

    @Test
    void rejectsNegativeValues() {
        assertThrows(IllegalArgumentException.class, () -> new VarintCodec(4).write(-1));
    }

    private static int sizeOf(long v) {
        VarintCodec c = new VarintCodec(4);
        c.write(v);
        return c.size();
    }
}
