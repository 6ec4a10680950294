package dev.servelab.safety.report;

import dev.servelab.engine.ServeLabException;
import dev.servelab.safety.ab.AbResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a comparison's report as Markdown or HTML, chosen by the file's extension. */
public final class ReportFile {
    private ReportFile() {
    }

    /** Fails (bad input) unless {@code file} ends in .md or .html, before any run is made. */
    public static void check(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(n.endsWith(".md") || n.endsWith(".html") || n.endsWith(".htm"))) {
            throw new ServeLabException("--report " + file + ": give a .md or .html file");
        }
    }

    public static void write(Path file, AbResult result) {
        check(file);
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = n.endsWith(".md") ? MarkdownReport.write(result) : HtmlReport.write(result);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new ServeLabException("--report " + file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
