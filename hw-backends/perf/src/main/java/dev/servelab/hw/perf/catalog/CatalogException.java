package dev.servelab.hw.perf.catalog;

/**
 * A catalog, profile or configuration file could not be used. The message always names the file
 * (and, where it applies, the line and field) so that a user can fix it without a stack trace.
 */
public final class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
