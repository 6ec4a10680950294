package dev.servelab.app.export;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/** "Export PNG" and "Export CSV": ask for a file, write it, report failures in a dialog. */
public final class Exports {
    private Exports() {
    }

    public static void savePng(Node node, String suggested) {
        File f = choose(node, suggested, "PNG image", "*.png");
        if (f == null) return;
        try {
            Png.write(node, f.toPath());
        } catch (IOException e) {
            fail(e);
        }
    }

    public static void saveText(Node owner, String suggested, String text) {
        File f = choose(owner, suggested, "CSV", "*.csv");
        if (f == null) return;
        try {
            Files.writeString(f.toPath(), text);
        } catch (IOException e) {
            fail(e);
        }
    }

    private static File choose(Node owner, String suggested, String what, String glob) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(suggested);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, glob));
        return fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
    }

    private static void fail(IOException e) {
        new Alert(Alert.AlertType.ERROR, "Cannot write the file: " + e.getMessage()).showAndWait();
    }
}
