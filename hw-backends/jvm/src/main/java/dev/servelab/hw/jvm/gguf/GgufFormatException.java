package dev.servelab.hw.jvm.gguf;

/**
 * A GGUF file that cannot be read; the message names the file and the field. The transformer
 * packages know no engine, so the commands and executors that open models turn it into the
 * engine's input error (one line, exit status 2).
 */
public final class GgufFormatException extends RuntimeException {
    public GgufFormatException(String message) {
        super(message);
    }

    public GgufFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
