package dev.servelab.hw.perf.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds catalog data files: the ones shipped on the class path under {@code servelab/<kind>/}
 * and the ones a user drops into {@code ~/.servelab/<kind>/} or into the folder named by the
 * system property {@code servelab.catalog.dir} (then {@code <dir>/<kind>/}). A user file replaces
 * a shipped file of the same id. The id of a file is its name without extension.
 */
public final class CatalogSources {
    private CatalogSources() {}

    /** A data file found for a catalog: its id and where it is (a path, for error messages too). */
    public record Entry(String id, Path path) {}

    /** All files with one of {@code extensions} for {@code kind} ("hardware" or "models"), by id. */
    public static Map<String, Entry> list(String kind, List<String> extensions) {
        Map<String, Entry> byId = new TreeMap<>();
        for (Path dir : folders(kind)) {
            scan(dir, extensions, byId);
        }
        return byId;
    }

    static List<Path> folders(String kind) {
        List<Path> dirs = new ArrayList<>();
        Path shipped = shippedFolder(kind);
        if (shipped != null) {
            dirs.add(shipped);
        }
        dirs.add(Path.of(System.getProperty("user.home"), ".servelab", kind));
        String extra = System.getProperty("servelab.catalog.dir");
        if (extra != null && !extra.isBlank()) {
            dirs.add(Path.of(extra, kind));
        }
        return dirs;
    }

    private static Path shippedFolder(String kind) {
        URL url = CatalogSources.class.getClassLoader().getResource("servelab/" + kind);
        if (url == null) {
            return null;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("servelab", kind);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new CatalogException("cannot open shipped catalog folder servelab/" + kind + ": " + e.getMessage(), e);
        }
    }

    private static void scan(Path dir, List<String> extensions, Map<String, Entry> byId) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(p -> {
                String name = p.getFileName().toString();
                for (String ext : extensions) {
                    if (name.endsWith("." + ext)) {
                        String id = name.substring(0, name.length() - ext.length() - 1);
                        byId.put(id, new Entry(id, p));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list catalog folder " + dir, e);
        }
    }
}
