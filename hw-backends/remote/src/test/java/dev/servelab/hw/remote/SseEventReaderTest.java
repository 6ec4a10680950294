package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEventReaderTest {
    private static SseEventReader reader(String s) {
        return new SseEventReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void commentsCrlfMultiLineDataAndOtherFields() throws Exception {
        SseEventReader r = reader(": keep-alive\r\n\r\nevent: message\r\nid: 7\r\ndata: {\"a\":\r\ndata: 1}\r\n\r\ndata:x\n\ndata: tail");
        assertEquals("{\"a\":\n1}", r.next());
        assertEquals("x", r.next());
        assertEquals("tail", r.next());
        assertNull(r.next());
    }

    @Test
    void dialectsRejectNonJsonNaming() {
        StreamFormatException e = assertThrows(StreamFormatException.class, () -> new VllmStreamDialect().parse("<html>oops"));
        assertTrue(e.getMessage().contains("<html>oops"), e.getMessage());
        assertTrue(StreamDialect.byId("LLAMACPP") instanceof LlamaCppStreamDialect);
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> StreamDialect.byId("tgi"));
        assertTrue(u.getMessage().contains("vllm, sglang"), u.getMessage());
    }
}
