package dev.servelab.app.editor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.ArrayDeque;
import java.util.Deque;

/** Undo and redo over {@link Edit}s; {@link #versionProperty()} changes on every do, undo and redo. */
public final class UndoStack {
    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(0);

    /** True when there is an edit to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True when there is an undone edit to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Changes on every do, undo, redo and clear. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public void perform(Edit e) {
        e.apply();
        done.push(e);
        undone.clear();
        changed();
    }

    public void undo() {
        if (done.isEmpty()) return;
        Edit e = done.pop();
        e.revert();
        undone.push(e);
        changed();
    }

    public void redo() {
        if (undone.isEmpty()) return;
        Edit e = undone.pop();
        e.apply();
        done.push(e);
        changed();
    }

    public void clear() {
        done.clear();
        undone.clear();
        changed();
    }

    /** The last edit done (identity marks a saved state), or null. */
    public Edit top() {
        return done.peek();
    }

    public int depth() {
        return done.size();
    }

    private void changed() {
        canUndo.set(!done.isEmpty());
        canRedo.set(!undone.isEmpty());
        version.set(version.get() + 1);
    }
}
