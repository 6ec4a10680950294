package dev.servelab.app.timeline;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * Per-token timeline: an iteration Gantt per replica above request rows. Wheel zooms time at the
 * pointer, drag pans (time and rows), Ctrl+wheel changes row height, hover names the token.
 */
public final class TimelineView extends BorderPane {
    private final TimelineCanvas canvas;
    private final TimelineViewModel vm;
    private final Tooltip tip = new Tooltip();
    private double dragX;
    private double dragY;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        this.canvas = new TimelineCanvas(vm);
        getStyleClass().add("timeline-view");
        setTop(toolbar());
        setCenter(canvas);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(this::onDrag);
        canvas.setOnMouseMoved(this::onHover);
        canvas.setOnMouseExited(e -> tip.hide());
        vm.tokensProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
        if (vm.tokensProperty().get() != null) javafx.application.Platform.runLater(this::fit);
        canvas.heightProperty().addListener((o, a, b) -> {
            if (vm.rowsFitted() && vm.tokensProperty().get() != null) vm.fitRows(Math.max(50, b.doubleValue() - canvas.rowsTop()));
        });
    }

    public void fit() {
        vm.resetTime();
        vm.fitRows(Math.max(50, canvas.getHeight() - canvas.rowsTop()));
    }

    private HBox toolbar() {
        Button fit = button("mdi2f-fit-to-page-outline", "Whole run (0)", this::fit);
        Button in = button("mdi2m-magnify-plus-outline", "Zoom in (+)", () -> vm.zoom(0.5, 0.5));
        Button out = button("mdi2m-magnify-minus-outline", "Zoom out (−)", () -> vm.zoom(2, 0.5));
        Button tokens = button("mdi2r-ray-vertex", "Zoom to single tokens of the first request (T)", () -> vm.zoomToTokens(0, 12));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label help = new Label(null, new FontIcon("mdi2h-help-circle-outline"));
        help.setTooltip(new Tooltip("Wheel: zoom time at the pointer · drag: pan time and rows · Shift+wheel: scroll rows\n"
                + "Ctrl+wheel: row height · 0: whole run · T: single tokens · hover: request, token index and times"));
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("view-headline");
        HBox bar = new HBox(6, fit, in, out, tokens, title, spacer, legend("queued", Palette.QUEUE), legend("prefill", Palette.PREFILL),
                legend("decode", Palette.DECODE), legend("token", Palette.TOKEN), legend("preempted", Palette.PREEMPT), help);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private static Button button(String icon, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        return b;
    }

    private static Label legend(String name, Color c) {
        Label l = new Label(name, new Rectangle(12, 12, c));
        l.setPadding(new Insets(0, 8, 0, 0));
        return l;
    }

    private void onScroll(ScrollEvent e) {
        double dy = e.getDeltaY() == 0 ? e.getDeltaX() : e.getDeltaY();
        if (dy == 0) return;
        if (e.isControlDown()) {
            vm.zoomRows(dy > 0 ? 1.25 : 0.8, canvas.getHeight() - canvas.rowsTop());
        } else if (e.isShiftDown()) {
            vm.scrollRows(-dy / Math.max(1, vm.rowHeightProperty().get()));
        } else {
            double anchor = Math.max(0, Math.min(1, (e.getX() - canvas.gutter()) / canvas.plotWidth()));
            vm.zoom(dy > 0 ? 0.8 : 1.25, anchor);
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        vm.pan(-(e.getX() - dragX) / canvas.plotWidth());
        vm.scrollRows(-(e.getY() - dragY) / Math.max(0.05, vm.rowHeightProperty().get()));
        dragX = e.getX();
        dragY = e.getY();
    }

    private void onHover(MouseEvent e) {
        double x = e.getX() - canvas.gutter(), y = e.getY() - canvas.rowsTop();
        TokenHit h = x < 0 || y < 0 ? null
                : vm.hit(vm.topRowProperty().get() + y / vm.rowHeightProperty().get(), vm.startNanosProperty().get() + x / canvas.plotWidth() * vm.window());
        if (h == null) {
            tip.hide();
            return;
        }
        tip.setText(describe(h));
        tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
    }

    static String describe(TokenHit h) {
        String token = h.tokenIndex() < 0 ? "waiting in queue" : "token " + (h.tokenIndex() + 1) + " of " + h.tokens();
        return String.format(Locale.ROOT, "request %d · replica %d · %s (%s)%narrived %.3f s · token at %.3f s · gap %.2f ms",
                h.requestId(), h.replica(), token, h.phase(), h.arrivalNanos() / 1e9, h.tokenNanos() / 1e9, h.gapNanos() / 1e6);
    }

    public TimelineCanvas canvas() {
        return canvas;
    }
}
