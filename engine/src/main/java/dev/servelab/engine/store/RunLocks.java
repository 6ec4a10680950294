package dev.servelab.engine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live locks that tell a run whose writer is still going from one whose process died: the writer
 * holds an exclusive OS file lock on {@code <store>.locks/<token>.lock} for as long as its run is
 * {@code running}, and the row names the token. The operating system drops the lock when the process
 * ends in any way ({@code kill -9}, a crash, power loss), so a {@code running} row whose lock can be
 * taken belongs to a dead writer. Locks held by this JVM are remembered here and never probed: on
 * Linux, closing any channel to a file releases every lock this process holds on it.
 */
final class RunLocks {
    private static final Map<String, Held> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private record Held(FileChannel channel, FileLock lock, Path file) {
    }

    private final Path dir;

    RunLocks(Path storeFile) {
        Path abs = storeFile.toAbsolutePath();
        this.dir = abs.resolveSibling(abs.getFileName() + ".locks");
    }

    /** Creates and locks a new token's file; the run row is inserted only after this succeeds. */
    String acquire() throws IOException {
        Files.createDirectories(dir);
        String token = UUID.randomUUID().toString();
        Path file = dir.resolve(token + ".lock");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("cannot lock " + file);
        }
        ch.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        HELD_IN_THIS_JVM.put(token, new Held(ch, lock, file));
        return token;
    }

    /** Releases a token this JVM holds and deletes its file (a run that ended). */
    void release(String token) {
        Held h = token == null ? null : HELD_IN_THIS_JVM.remove(token);
        if (h == null) return;
        try (FileChannel ch = h.channel()) {
            Files.deleteIfExists(h.file());
            h.lock().release();
        } catch (IOException ignored) {
            // the lock goes with the channel; a leftover file is harmless (its lock can be taken)
        }
    }

    /**
     * Whether the writer holding {@code token} is alive. A row without a token (written before
     * these locks existed) or without its file has no live writer. When the lock can be taken the
     * writer is dead, and the stale file is removed.
     */
    boolean isAlive(String token) {
        if (token == null || token.isBlank()) return false;
        if (HELD_IN_THIS_JVM.containsKey(token)) return true;
        Path file = dir.resolve(token + ".lock");
        if (!Files.exists(file)) return false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) return true;
            lock.release();
            Files.deleteIfExists(file);
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // cannot probe (e.g. no permission): assume a live writer rather than mislabel its run
            return true;
        }
    }
}
