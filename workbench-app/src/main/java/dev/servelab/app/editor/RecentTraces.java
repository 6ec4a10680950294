package dev.servelab.app.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

/**
 * The trace files a trace node's file picker offers: the last {@value #MAX} picked (kept in the user's
 * preferences), then the trace-like files ({@code .csv}, {@code .jsonl}, {@code .json}) in the pipeline's
 * folder and the folder above it, which is where the shipped examples keep theirs.
 */
public final class RecentTraces {
    static final int MAX = 8;
    private static final String KEY = "traces";
    private final Preferences prefs;

    public RecentTraces(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The workbench's list, in the user's preferences. */
    public static RecentTraces standard() {
        return new RecentTraces(Preferences.userRoot().node("dev/servelab/workbench"));
    }

    public List<Path> recent() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs.get(KEY, "").split("\n")) if (!s.isBlank()) out.add(Path.of(s));
        return out;
    }

    public void add(Path file) {
        Set<String> l = new LinkedHashSet<>();
        l.add(file.toAbsolutePath().normalize().toString());
        for (Path p : recent()) l.add(p.toString());
        prefs.put(KEY, String.join("\n", l.stream().limit(MAX).toList()));
    }

    /** Recent files that still exist, then the traces beside {@code baseDir} (absolute, no repeats). */
    public List<Path> choices(Path baseDir) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : recent()) if (Files.isRegularFile(p)) out.add(p);
        if (baseDir != null) {
            near(baseDir, out);
            if (baseDir.getParent() != null) near(baseDir.getParent(), out);
        }
        return List.copyOf(out);
    }

    private static void near(Path dir, Set<Path> out) {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile).filter(RecentTraces::traceLike).sorted().limit(20)
                    .forEach(p -> out.add(p.toAbsolutePath().normalize()));
        } catch (IOException e) {
            // a folder that cannot be listed offers nothing
        }
    }

    private static boolean traceLike(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".csv") || n.endsWith(".jsonl") || n.endsWith(".json");
    }
}
