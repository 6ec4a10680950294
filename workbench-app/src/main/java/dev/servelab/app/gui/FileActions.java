package dev.servelab.app.gui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.Preferences;

/** Open, save and save-as of pipeline files, with the unsaved-changes prompt and recent files. */
public final class FileActions {
    public final RecentFiles recent = new RecentFiles(Preferences.userRoot().node("dev/servelab/workbench"));
    private final MainWindow w;

    FileActions(MainWindow w) {
        this.w = w;
    }

    public void newPipeline() {
        if (confirmDiscard()) w.wb.editor.newPipeline();
    }

    public void open() {
        if (!confirmDiscard()) return;
        FileChooser fc = chooser();
        File f = fc.showOpenDialog(w.getScene().getWindow());
        if (f != null) load(f.toPath());
    }

    public void openFile(Path p) {
        if (confirmDiscard()) load(p);
    }

    /** Loads a pipeline file into the editor (no prompt); errors are shown, the editor is left as it was. */
    public boolean load(Path p) {
        try {
            w.wb.editor.load(PipelineLoader.readTree(p), p);
            recent.add(p);
            return true;
        } catch (ServeLabException e) {
            error(e.getMessage());
            return false;
        }
    }

    public void loadDefault() {
        Path q = Examples.quickstart();
        if (q == null || !load(q)) w.wb.editor.load(JsonNodeFactory.instance.objectNode(), null);
    }

    public boolean save() {
        Path f = w.wb.editor.file.get();
        if (f == null || isExample(f)) return saveAs();
        return write(f);
    }

    public boolean saveAs() {
        FileChooser fc = chooser();
        fc.setInitialFileName(w.wb.editor.name() + ".yaml");
        File f = fc.showSaveDialog(w.getScene().getWindow());
        return f != null && write(f.toPath());
    }

    private boolean write(Path f) {
        try {
            PipelineFiles.save(w.wb.editor.tree(), f);
            w.wb.editor.markSaved(f);
            recent.add(f);
            return true;
        } catch (ServeLabException e) {
            error(e.getMessage());
            return false;
        }
    }

    /** True when there are no unsaved changes, or the user saved or chose to discard them. */
    public boolean confirmDiscard() {
        if (!w.wb.editor.dirty.get()) return true;
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The pipeline '" + w.wb.editor.name() + "' has unsaved changes.",
                save, discard, ButtonType.CANCEL);
        a.setHeaderText("Save changes?");
        a.initOwner(w.getScene().getWindow());
        Optional<ButtonType> r = a.showAndWait();
        if (r.isEmpty() || r.get() == ButtonType.CANCEL) return false;
        return r.get() == discard || save();
    }

    private static boolean isExample(Path f) {
        Path d = Examples.directory();
        return d != null && f.toAbsolutePath().normalize().startsWith(d.toAbsolutePath().normalize());
    }

    private FileChooser chooser() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Pipelines", "*.yaml", "*.yml", "*.json"));
        Path cur = w.wb.editor.file.get();
        if (cur != null && cur.toAbsolutePath().getParent() != null) fc.setInitialDirectory(cur.toAbsolutePath().getParent().toFile());
        return fc;
    }

    void error(String msg) {
        Alert a = new Alert(Alert.AlertType.ERROR, msg);
        a.setHeaderText("Cannot open the pipeline");
        if (w.getScene() != null) a.initOwner(w.getScene().getWindow());
        a.show();
    }
}
