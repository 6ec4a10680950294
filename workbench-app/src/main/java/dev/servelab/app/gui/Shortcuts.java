package dev.servelab.app.gui;

import dev.servelab.app.editor.EditorViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

/** Keyboard shortcuts for the common actions. */
final class Shortcuts {
    private Shortcuts() {
    }

    static void install(Scene scene, MainWindow w) {
        var acc = scene.getAccelerators();
        FileActions files = w.files();
        RunActions running = w.running();
        EditorViewModel editor = w.workbench().editor();
        BooleanProperty dark = w.services().theme().dark();
        acc.put(combo(KeyCode.N, SHORTCUT_DOWN), files::newPipeline);
        acc.put(combo(KeyCode.O, SHORTCUT_DOWN), files::open);
        acc.put(combo(KeyCode.S, SHORTCUT_DOWN), files::save);
        acc.put(combo(KeyCode.S, SHORTCUT_DOWN, SHIFT_DOWN), files::saveAs);
        acc.put(combo(KeyCode.Z, SHORTCUT_DOWN), () -> editing(scene, w, editor.undo()::undo));
        acc.put(combo(KeyCode.Z, SHORTCUT_DOWN, SHIFT_DOWN), () -> editing(scene, w, editor.undo()::redo));
        acc.put(combo(KeyCode.Y, SHORTCUT_DOWN), () -> editing(scene, w, editor.undo()::redo));
        acc.put(combo(KeyCode.C, SHORTCUT_DOWN), () -> editing(scene, w, editor::copy));
        acc.put(combo(KeyCode.V, SHORTCUT_DOWN), () -> editing(scene, w, editor::paste));
        acc.put(combo(KeyCode.F5), running::run);
        acc.put(combo(KeyCode.ESCAPE), running::cancel);
        acc.put(combo(KeyCode.D, SHORTCUT_DOWN), () -> dark.set(!dark.get()));
        String[] views = {"editor", "sla", "timeline", "cache", "runs", "devices"};
        for (int i = 0; i < views.length; i++) {
            String v = views[i];
            acc.put(combo(KeyCode.getKeyCode(Integer.toString(i + 1)), SHORTCUT_DOWN), () -> w.showView(v));
        }
        dev.servelab.app.command.CommandPalette palette = new dev.servelab.app.command.CommandPalette();
        Runnable commands = () -> {
            if (!palette.isShowing()) palette.show(w, WindowCommands.of(w));
        };
        acc.put(combo(KeyCode.K, SHORTCUT_DOWN), commands);
        acc.put(combo(KeyCode.P, SHORTCUT_DOWN, SHIFT_DOWN), commands);
        acc.put(combo(KeyCode.T), () -> {
            if (w.tabs().getSelectionModel().getSelectedIndex() == 2) w.workbench().timeline().zoomToTokens(0, 12);
        });
        acc.put(combo(KeyCode.DIGIT0), () -> {
            if (w.tabs().getSelectionModel().getSelectedIndex() == 2) w.timeline().fit();
        });
    }

    /** Editor commands, unless a text field has the focus (where the keys edit text). */
    private static void editing(Scene scene, MainWindow w, Runnable r) {
        if (scene.getFocusOwner() instanceof TextInputControl) return;
        if (w.editorActive()) r.run();
    }

    private static KeyCombination combo(KeyCode k, KeyCombination.Modifier... m) {
        return new KeyCodeCombination(k, m);
    }
}
