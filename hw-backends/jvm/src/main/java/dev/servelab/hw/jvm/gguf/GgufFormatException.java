package dev.servelab.hw.jvm.gguf;

/** A GGUF file that cannot be read; the message names the file and the field. */
public final class GgufFormatException extends RuntimeException {
    public GgufFormatException(String message) {
        super(message);
    }

    public GgufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
