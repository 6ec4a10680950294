package dev.servelab.app.editor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.ArrayDeque;
import java.util.Deque;

/** Undo and redo over {@link Edit}s; {@link #version} changes on every do, undo and redo. */
public final class UndoStack {
    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();
    public final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    public final BooleanProperty canRedo = new SimpleBooleanProperty(false);
    public final IntegerProperty version = new SimpleIntegerProperty(0);

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
