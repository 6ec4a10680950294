package dev.servelab.app.sla;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;

/** Places a pointer-following tooltip beside the pointer, moved left or up so that it stays inside the window. */
public final class TipPlacement {
    private TipPlacement() {
    }

    /** Shows (or moves) {@code tip} next to the pointer at screen ({@code screenX}, {@code screenY}). */
    public static void show(Tooltip tip, Node owner, double screenX, double screenY) {
        Window w = owner.getScene() == null ? null : owner.getScene().getWindow();
        double x = screenX + 14, y = screenY + 14;
        if (w != null) {
            double tw = Math.max(tip.getWidth(), 160), th = Math.max(tip.getHeight(), 40);
            if (x + tw > w.getX() + w.getWidth()) x = screenX - tw - 8;
            if (y + th > w.getY() + w.getHeight()) y = screenY - th - 8;
            x = Math.max(w.getX(), x);
            y = Math.max(w.getY(), y);
        }
        if (tip.isShowing()) {
            tip.setAnchorX(x);
            tip.setAnchorY(y);
        } else {
            tip.show(owner, x, y);
        }
    }
}
