package dev.servelab.hw.jvm.tiny;

import dev.servelab.engine.ServeLabException;
import dev.servelab.hw.jvm.gguf.GgmlType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The models ServeLab generates itself, known by file name, made on first use: a live pipeline that names
 * {@code llama-100m.gguf} (or {@code tiny.gguf}) where no such file exists gets it written there, the same
 * bytes {@code servelab model tiny --size S --seed N} writes (the generator is deterministic), so a new user's
 * first {@code run} or {@code compare-modes} works without a separate step. Other names are not guessed: a
 * missing file of any other name, or a folder that cannot be written, is one clear error naming the command.
 */
public final class GeneratedModels {
    /** What {@code servelab model tiny} is run with to make a file of this name. */
    public record Recipe(TinyModelSize size, long seed, GgmlType type) {
        /** The equivalent command line. */
        public String command(Path out) {
            return "./servelab model tiny --size " + size.label() + " --out " + out + " --seed " + seed
                    + (type == GgmlType.F32 ? "" : " --type " + type.name().toLowerCase(Locale.ROOT));
        }
    }

    private static final Map<String, Recipe> KNOWN = Map.of(
            "tiny.gguf", new Recipe(TinyModelSize.TINY, 42, GgmlType.F32),
            "llama-100m.gguf", new Recipe(TinyModelSize.M100, 1, GgmlType.F32));

    private GeneratedModels() {
    }

    /** The recipe of a generated model called like {@code file}, or null for any other name. */
    public static Recipe recipe(Path file) {
        return KNOWN.get(file.getFileName().toString());
    }

    /**
     * Returns {@code file}, generating it first when it is missing and its name is a known generated model;
     * {@code notice} gets one line before and progress lines while it is written. Throws a
     * {@link ServeLabException} starting with {@code field} when the file is missing and cannot be made.
     */
    public static Path ensure(Path given, String field, Consumer<String> notice) {
        if (Files.isReadable(given)) {
            return given;
        }
        Path file = given.toAbsolutePath().normalize();
        Recipe r = recipe(file);
        if (r == null) {
            throw new ServeLabException(field + ": " + file + " not found (ServeLab's generated models are made with"
                    + " `./servelab model tiny --out FILE [--size 100m] --seed N`; only tiny.gguf and llama-100m.gguf"
                    + " are generated on first use)");
        }
        notice.accept("servelab: " + file + " not found: generating it on first use (" + r.size().label()
                + " parameters, seed " + r.seed() + ", as `" + r.command(file) + "`)");
        Path tmp = null;
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
            long start = System.nanoTime();
            TinyModelGenerator.generate(tmp, r.seed(), r.size(), r.type(), (done, total) ->
                    notice.accept(String.format(Locale.ROOT, "servelab: generating %s: layer %d/%d", file.getFileName(), done, total)));
            readableByAll(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            notice.accept(String.format(Locale.ROOT, "servelab: wrote %s (%,d bytes) in %.1f s", file, Files.size(file),
                    (System.nanoTime() - start) / 1e9));
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            String why = e instanceof IOException ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getMessage();
            throw new ServeLabException(field + ": " + file + " not found and cannot be generated (" + why
                    + "); make it with: " + r.command(file), e);
        }
    }

    /** A temporary file is private (rw-------); the model is a plain shared file like one the command writes. */
    private static void readableByAll(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the temporary file already has the folder's default access
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the partial file is named *.part; nothing reads it
        }
    }
}
