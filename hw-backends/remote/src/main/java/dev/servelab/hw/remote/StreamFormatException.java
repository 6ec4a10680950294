package dev.servelab.hw.remote;

/** A streamed chunk that is not what its dialect says it should be; the message quotes the start of it. */
public final class StreamFormatException extends RuntimeException {
    public StreamFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
