package dev.servelab.app.data;

import javafx.application.Platform;

/**
 * The workbench's rule that slow work never runs on the JavaFX application thread, checked where it
 * enters: every store read of {@link RunReader}, file read of the device registry and pipeline/model
 * loading of a run calls {@link #refuse} first, so a caller that forgets the background executor fails at
 * once (in tests too) instead of freezing the window for seconds on a large run.
 */
public final class FxThreadGuard {
    private FxThreadGuard() {
    }

    /** Throws {@link IllegalStateException} naming {@code what} when called on the JavaFX application thread. */
    public static void refuse(String what) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException(what + " must not run on the JavaFX application thread (use the background executor)");
        }
    }
}
