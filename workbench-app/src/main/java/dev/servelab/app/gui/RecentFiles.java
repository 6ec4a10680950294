package dev.servelab.app.gui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last few pipeline files opened or saved, kept in the user's preferences. */
public final class RecentFiles {
    private static final int MAX = 8;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs.get("recent", "").split("\n")) if (!s.isBlank()) out.add(Path.of(s));
        return out;
    }

    public void add(Path p) {
        List<Path> l = new ArrayList<>(list());
        Path abs = p.toAbsolutePath().normalize();
        l.remove(abs);
        l.addFirst(abs);
        while (l.size() > MAX) l.removeLast();
        prefs.put("recent", String.join("\n", l.stream().map(Path::toString).toList()));
    }
}
