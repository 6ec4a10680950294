package dev.servelab.app.gui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.servelab.app.editor.EditorViewModel;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.PipelineLoader;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** Open, save and save-as of pipeline files, with the unsaved-changes prompt and recent files. */
public final class FileActions {
    private final EditorViewModel editor;
    private final RecentFiles recent;
    private final Node owner;

    /** File commands on {@code editor}'s pipeline; dialogs are owned by {@code owner}'s window. */
    FileActions(EditorViewModel editor, RecentFiles recent, Node owner) {
        this.editor = editor;
        this.recent = recent;
        this.owner = owner;
    }

    public void newPipeline() {
        if (confirmDiscard()) editor.newPipeline();
    }

    public void open() {
        if (!confirmDiscard()) return;
        FileChooser fc = chooser();
        File f = fc.showOpenDialog(owner.getScene().getWindow());
        if (f != null) load(f.toPath());
    }

    public void openFile(Path p) {
        if (confirmDiscard()) load(p);
    }

    /** Loads a pipeline file into the editor (no prompt); errors are shown, the editor is left as it was. */
    public boolean load(Path p) {
        try {
            editor.load(PipelineLoader.readTree(p), p);
            recent.add(p);
            return true;
        } catch (ServeLabException e) {
            error(e.getMessage());
            return false;
        }
    }

    public void loadDefault() {
        Path q = Examples.quickstart();
        if (q == null || !load(q)) editor.load(JsonNodeFactory.instance.objectNode(), null);
    }

    public boolean save() {
        Path f = editor.fileProperty().get();
        if (f == null || isExample(f)) return saveAs();
        return write(f);
    }

    public boolean saveAs() {
        FileChooser fc = chooser();
        fc.setInitialFileName(editor.name() + ".yaml");
        File f = fc.showSaveDialog(owner.getScene().getWindow());
        return f != null && write(f.toPath());
    }

    private boolean write(Path f) {
        try {
            PipelineFiles.save(editor.tree(), f);
            editor.markSaved(f);
            recent.add(f);
            return true;
        } catch (ServeLabException e) {
            error(e.getMessage());
            return false;
        }
    }

    /** True when there are no unsaved changes, or the user saved or chose to discard them. */
    public boolean confirmDiscard() {
        if (!editor.dirtyProperty().get()) return true;
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The pipeline '" + editor.name() + "' has unsaved changes.",
                save, discard, ButtonType.CANCEL);
        a.setHeaderText("Save changes?");
        a.initOwner(owner.getScene().getWindow());
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
        Path cur = editor.fileProperty().get();
        if (cur != null && cur.toAbsolutePath().getParent() != null) fc.setInitialDirectory(cur.toAbsolutePath().getParent().toFile());
        return fc;
    }

    void error(String msg) {
        Alert a = new Alert(Alert.AlertType.ERROR, msg);
        a.setHeaderText("Cannot open the pipeline");
        if (owner.getScene() != null) a.initOwner(owner.getScene().getWindow());
        a.show();
    }
}
