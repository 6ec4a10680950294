package dev.servelab.app.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which commands match what was typed: every word of the query appears in the title (case ignored).
 * Titles that contain the whole query come first, those where it starts a word before those; then
 * the commands' own order.
 */
public final class CommandFilter {
    private CommandFilter() {
    }

    public static List<Command> matching(List<Command> all, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return List.copyOf(all);
        String[] words = q.split("\\s+");
        List<Command> out = new ArrayList<>();
        for (Command c : all) {
            String t = c.title().toLowerCase(Locale.ROOT);
            boolean every = true;
            for (String w : words) every &= t.contains(w);
            if (every) out.add(c);
        }
        out.sort(Comparator.comparingInt(c -> rank(c.title().toLowerCase(Locale.ROOT), q)));
        return out;
    }

    private static int rank(String title, String q) {
        int i = title.indexOf(q);
        if (i < 0) return 3;
        if (title.endsWith(" " + q) || title.equals(q)) return 0;
        return i == 0 || !Character.isLetterOrDigit(title.charAt(i - 1)) ? 1 : 2;
    }
}
