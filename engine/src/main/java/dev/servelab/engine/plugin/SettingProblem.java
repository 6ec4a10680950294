package dev.servelab.engine.plugin;

/**
 * One thing wrong with a pipeline node's settings, found without stopping at the first: the path it
 * concerns ({@code node.field}, e.g. {@code pools[0].scheduler.max_wait_ms}, or the node itself) and
 * why. {@link #message()} is the text {@code servelab run} reports for it.
 */
public record SettingProblem(String path, String reason) {
    /** {@code path: reason}, as the CLI words it. */
    public String message() {
        return path + ": " + reason;
    }

    /** A problem from a message that starts with a path under {@code nodePath} (the engine's usual wording). */
    public static SettingProblem fromMessage(String message, String nodePath) {
        int i = message.startsWith(nodePath) ? message.indexOf(": ", nodePath.length()) : -1;
        return i < 0 ? new SettingProblem(nodePath, message) : new SettingProblem(message.substring(0, i), message.substring(i + 2));
    }
}
