package dev.servelab.app.timeline;

import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.TokenTable;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * The timeline's drawing surface: time axis, one Gantt lane per replica, then request rows. Redraws at
 * most once per frame after the window or data changed, and only what is visible.
 */
public final class TimelineCanvas extends Pane {
    static final double GUTTER = 78;
    private static final double STRIPE = 4;
    static final double AXIS = 22;
    static final double LANE = 20;
    private final Canvas canvas = new Canvas();
    private final TimelineViewModel vm;
    private boolean dirty = true;
    private double gutter = GUTTER;
    private PoolLabels gutterPools;
    private long lastPaintNanos;
    private Color text = Color.web("#444");
    private Color background = Color.WHITE;

    public TimelineCanvas(TimelineViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        getStyleClass().add("timeline-canvas");
        setMinSize(0, 0); // the canvas follows the pane: never let its last size hold the pane wide (a side panel must shrink it)
        for (var p : List.of(vm.startNanosProperty(), vm.endNanosProperty(), vm.topRowProperty(), vm.rowHeightProperty())) p.addListener(o -> dirty = true);
        vm.tokensProperty().addListener(o -> dirty = true);
        vm.highlightedProperty().addListener(o -> dirty = true);
        vm.eventsProperty().addListener(o -> dirty = true);
        widthProperty().addListener(o -> dirty = true);
        heightProperty().addListener(o -> dirty = true);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (dirty) paint();
            }
        }.start();
    }

    public void setColors(Color text, Color background) {
        this.text = text;
        this.background = background;
        dirty = true;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    /** Width of the label column: wider when rows name their pool. */
    double gutter() {
        return gutter;
    }

    private static double gutterFor(PoolLabels pools) {
        if (!pools.shown()) return GUTTER;
        javafx.scene.text.Text t = new javafx.scene.text.Text("req 00000 · " + pools.longest());
        t.setFont(Font.font(11));
        return Math.max(GUTTER, Math.ceil(t.getLayoutBounds().getWidth()) + 8 + STRIPE + 6);
    }

    double plotWidth() {
        return Math.max(1, getWidth() - gutter);
    }

    double rowsTop() {
        return AXIS + vm.iterationsProperty().get().size() * LANE + 8;
    }

    /** Nanoseconds the last paint took (for the render benchmark). */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    public void paint() {
        long t0 = System.nanoTime();
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth(), h = getHeight();
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        TokenTable t = vm.tokensProperty().get();
        if (t == null) return;
        if (vm.pools() != gutterPools) {
            gutterPools = vm.pools();
            gutter = gutterFor(gutterPools);
        }
        double start = vm.startNanosProperty().get(), end = vm.endNanosProperty().get(), pw = plotWidth();
        g.save();
        g.translate(gutter, 0);
        TimeAxis.draw(g, start, end, pw, 0, AXIS, h, text);
        List<IterationTable> its = vm.iterationsProperty().get();
        List<GanttLod> lods = vm.lods();
        for (int r = 0; r < its.size(); r++) {
            GanttPainter.paint(g, its.get(r), r < lods.size() ? lods.get(r) : null, start, end, pw, AXIS + r * LANE + 2, LANE - 4);
        }
        double top = rowsTop();
        g.beginPath();
        g.rect(0, top, pw, h - top);
        g.clip();
        Color tick = background.getBrightness() < 0.5 ? Color.web("#0b1f4d") : Palette.TOKEN;
        highlight(g, top, pw);
        TokenPainter.paint(g, t, start, end, vm.topRowProperty().get(), vm.rowHeightProperty().get(), top, pw, h - top, tick);
        g.restore();
        g.save();
        g.translate(gutter, 0);
        events(g, start, end, pw, top, h);
        g.restore();
        labels(g, t, its.size(), top, h);
        lastPaintNanos = System.nanoTime() - t0;
    }

    /**
     * Cluster events: a purple line through the Gantt and the rows at each event's time (a replica's event
     * is solid on its own lane, dashed elsewhere), with the event's kind at the top when there is room.
     */
    private void events(GraphicsContext g, double start, double end, double pw, double top, double h) {
        var events = vm.eventsProperty().get();
        if (events.isEmpty()) return;
        double lastLabel = -1e9;
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (var e : events) {
            if (e.atNanos() < start || e.atNanos() > end) continue;
            double x = (e.atNanos() - start) / (end - start) * pw;
            g.setStroke(Palette.EVENT);
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeLine(x, AXIS, x, h);
            g.setLineDashes();
            if (e.replica() >= 0 && e.replica() < vm.iterationsProperty().get().size()) {
                g.setLineWidth(3);
                g.strokeLine(x, AXIS + e.replica() * LANE + 1, x, AXIS + (e.replica() + 1) * LANE - 1);
                g.setLineWidth(1);
            }
            if (x - lastLabel > 90) {
                g.setFill(Palette.EVENT);
                g.fillText(e.kind().dbValue() + (e.replica() >= 0 ? " r" + e.replica() : ""), x + 3, top - 2 > AXIS ? AXIS + 1 : 1);
                lastLabel = x;
            }
        }
    }

    /** A band behind the row of the request gone to. */
    private void highlight(GraphicsContext g, double top, double pw) {
        int r = vm.highlightedProperty().get();
        if (r < 0) return;
        double rowH = vm.rowHeightProperty().get();
        double y = top + (r - vm.topRowProperty().get()) * rowH;
        g.setFill(Color.web("#f59e0b", 0.28));
        g.fillRect(0, y - 1, pw, Math.max(2, rowH + 2));
    }

    private void labels(GraphicsContext g, TokenTable t, int replicas, double top, double h) {
        PoolLabels pools = vm.pools();
        boolean named = pools.shown();
        double textX = gutter - 8 - (named ? STRIPE + 2 : 0);
        g.setFill(background);
        g.fillRect(0, AXIS, gutter - 2, h);
        g.setFill(text);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < replicas; r++) {
            g.fillText(named ? pools.name(r) + " · r" + r : "replica " + r, textX, AXIS + r * LANE + LANE / 2);
        }
        g.setStroke(Palette.GRID);
        g.strokeLine(0, top - 4, getWidth(), top - 4);
        double rowH = vm.rowHeightProperty().get();
        if (named) stripes(g, t, replicas, top, h, rowH);
        g.setFill(text);
        int every = (int) Math.max(1, Math.ceil(16 / rowH));
        int first = (int) Math.floor(vm.topRowProperty().get());
        for (int r = first - first % every; r < t.rows(); r += every) {
            double y = top + (r - vm.topRowProperty().get()) * rowH + rowH / 2;
            if (y > h) break;
            if (y >= top) g.fillText(named ? "req " + t.requestId()[r] + " · " + pools.name(t.replica()[r]) : "req " + t.requestId()[r], textX, y);
        }
    }

    /** A thin stripe in each lane's and visible row's pool colour; runs of rows of one pool are one rectangle. */
    private void stripes(GraphicsContext g, TokenTable t, int replicas, double top, double h, double rowH) {
        PoolLabels pools = vm.pools();
        double x = gutter - 2 - STRIPE;
        for (int r = 0; r < replicas; r++) {
            Color c = Palette.pool(pools.index(r));
            if (c == null) continue;
            g.setFill(c);
            g.fillRect(x, AXIS + r * LANE + 2, STRIPE, LANE - 4);
        }
        double topRow = vm.topRowProperty().get();
        int first = Math.max(0, (int) Math.floor(topRow));
        int last = Math.min(t.rows() - 1, (int) Math.ceil(topRow + (h - top) / rowH));
        double gap = rowH >= 6 ? 1 : 0;
        int runStart = first;
        for (int r = first; r <= last + 1; r++) {
            int idx = r <= last ? pools.index(t.replica()[r]) : Integer.MIN_VALUE;
            if (r > first && (idx != pools.index(t.replica()[r - 1]) || gap > 0)) {
                Color c = Palette.pool(pools.index(t.replica()[r - 1]));
                if (c != null) {
                    double y0 = Math.max(top, top + (runStart - topRow) * rowH), y1 = Math.min(h, top + (r - topRow) * rowH);
                    g.setFill(c);
                    if (y1 > y0) g.fillRect(x, y0 + gap / 2, STRIPE, Math.max(0.6, y1 - y0 - gap));
                }
                runStart = r;
            }
        }
    }
}
