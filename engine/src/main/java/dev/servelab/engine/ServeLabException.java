package dev.servelab.engine;

/**
 * An error in the user's input or environment (a bad pipeline field, a malformed trace line, an
 * unknown policy id): its message names the file and line or the node and field, and is shown to
 * the user as it is, without a stack trace.
 */
public class ServeLabException extends RuntimeException {
    public ServeLabException(String message) {
        super(message);
    }

    public ServeLabException(String message, Throwable cause) {
        super(message, cause);
    }
}
