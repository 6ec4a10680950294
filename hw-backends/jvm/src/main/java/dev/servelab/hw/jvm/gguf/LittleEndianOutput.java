package dev.servelab.hw.jvm.gguf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes GGUF primitives little-endian and counts the bytes written. */
final class LittleEndianOutput {
    private final OutputStream out;
    private long position;

    LittleEndianOutput(OutputStream out) {
        this.out = out;
    }

    long position() {
        return position;
    }

    void bytes(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
    }

    void u8(int v) throws IOException {
        out.write(v);
        position++;
    }

    void u16(int v) throws IOException {
        u8(v & 0xFF);
        u8((v >>> 8) & 0xFF);
    }

    void u32(int v) throws IOException {
        u16(v & 0xFFFF);
        u16(v >>> 16);
    }

    void u64(long v) throws IOException {
        u32((int) v);
        u32((int) (v >>> 32));
    }

    void string(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u64(b.length);
        bytes(b);
    }

    void padTo(int alignment) throws IOException {
        while (position % alignment != 0) {
            u8(0);
        }
    }
}
