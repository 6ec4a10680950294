package dev.servelab.app.export;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Every export of the workbench: ask for a file, write it (large files on a background thread), then
 * confirm with the file's path and size — or report the failure — in a dialog.
 */
public final class Exports {
    private Exports() {
    }

    /** Writes a file at {@code file}; may be slow, runs off the JavaFX thread. */
    @FunctionalInterface
    public interface Job {
        /** Writes the file and returns a short description of what it holds (e.g. "3,000 rows"). */
        String write(Path file) throws IOException;
    }

    public static void savePng(Node node, String suggested) {
        File f = choose(node, suggested, "PNG image", "*.png");
        if (f == null) return;
        try {
            Png.write(node, f.toPath());
            confirm(node, f.toPath(), "image");
        } catch (IOException e) {
            fail(e);
        }
    }

    public static void saveText(Node owner, String suggested, String text) {
        File f = choose(owner, suggested, "CSV", "*.csv");
        if (f == null) return;
        try {
            Files.writeString(f.toPath(), text);
            confirm(owner, f.toPath(), text.lines().count() - 1 + " rows");
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Asks for a file, then runs {@code job} on a background thread and confirms on the JavaFX thread. */
    public static CompletableFuture<Path> saveInBackground(Node owner, String suggested, String what, String glob, Job job) {
        File f = choose(owner, suggested, what, glob);
        if (f == null) return CompletableFuture.completedFuture(null);
        return write(f.toPath(), job).whenComplete((p, e) -> Platform.runLater(() -> {
            if (e != null) fail(e.getCause() != null ? e.getCause() : e);
        }));
    }

    /** Runs {@code job} on a background thread; completes with the file after a confirmation is shown. */
    public static CompletableFuture<Path> write(Path file, Job job) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        Thread.ofVirtual().name("servelab-export").start(() -> {
            try {
                String what = job.write(file);
                Platform.runLater(() -> {
                    confirm(null, file, what);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** The confirmation's text: where the file is, how big, what it holds. */
    public static String confirmation(Path file, String what) {
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            bytes = -1;
        }
        return String.format(Locale.ROOT, "Saved %s%n%s%s", file.toAbsolutePath(), what == null || what.isEmpty() ? "" : what + " · ",
                bytes < 0 ? "" : bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                        : String.format(Locale.ROOT, "%,d bytes", bytes));
    }

    private static void confirm(Node owner, Path file, String what) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, confirmation(file, what));
        a.setHeaderText("Exported");
        a.setTitle("Export");
        if (owner != null && owner.getScene() != null) a.initOwner(owner.getScene().getWindow());
        a.show();
    }

    private static File choose(Node owner, String suggested, String what, String glob) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(suggested);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, glob));
        return fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    }

    private static void fail(Throwable e) {
        new Alert(Alert.AlertType.ERROR, "Cannot write the file: " + e.getMessage()).show();
    }
}
