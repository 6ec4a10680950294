package dev.servelab.app.command;

/**
 * One thing the command palette can run: its title as listed and searched ({@code Add route.round-robin},
 * {@code Run}), the shortcut that also runs it (empty when none), and the action.
 */
public record Command(String title, String keys, Runnable action) {
    @Override
    public String toString() {
        return keys.isEmpty() ? title : title + "    " + keys;
    }
}
