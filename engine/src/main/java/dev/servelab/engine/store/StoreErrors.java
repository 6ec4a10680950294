package dev.servelab.engine.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

/**
 * Store failures in words that name their real cause: a full disk, read-only media, a file that is
 * not a SQLite database or is corrupted. SQLite's own text stays in brackets for searching.
 */
final class StoreErrors {
    private StoreErrors() {
    }

    static String describe(Throwable e) {
        Throwable root = rootSqlCause(e);
        if (root instanceof SQLiteException s) return describe(s.getResultCode(), s.getMessage());
        if (e instanceof AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason() + ": " + f.getFile();
        if (e instanceof IOException) return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static String describe(SQLiteErrorCode code, String message) {
        String base = code == null ? "" : switch (code.code & 0xff) {
            case 13 -> "the disk is full";                                  // SQLITE_FULL
            case 8 -> "the store is on read-only media or not writable";    // SQLITE_READONLY
            case 11 -> "the file is corrupted";                             // SQLITE_CORRUPT
            case 26 -> "the file is not a SQLite database";                 // SQLITE_NOTADB
            case 14 -> "the file cannot be opened";                         // SQLITE_CANTOPEN
            case 10 -> "a disk I/O error";                                  // SQLITE_IOERR
            default -> "";
        };
        String text = message == null ? String.valueOf(code) : message.replace('\n', ' ');
        return base.isEmpty() ? text : base + " (" + text + ")";
    }

    /** The first SQLiteException in the cause chain (a batch's failure may be wrapped). */
    private static Throwable rootSqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException) return t;
            if (t instanceof SQLException s && s.getNextException() instanceof SQLiteException n) return n;
        }
        return e;
    }
}
