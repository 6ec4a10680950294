package dev.servelab.app.cache;

import dev.servelab.engine.store.BucketTable;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Replica rows × time-bucket columns coloured by hit ratio, with a colour scale: click selects a cell,
 * the wheel zooms time at the pointer, drag pans, double-click shows the whole run. When buckets are
 * narrower than a pixel, each pixel column shows the hit ratio of all the buckets it covers. Coloured by tier
 * ({@link HitMapViewModel#byTierProperty()}), each cell is a stack of the shares that hit on the GPU, came from
 * the CPU tier and from the disk tier ({@link TierColors}), with a legend in the scale's place.
 */
public final class HeatMapCanvas extends Pane {
    static final double LEFT = 78;
    static final double BOTTOM = 26;
    static final double RIGHT = 70;
    private final Canvas canvas = new Canvas();
    private final HitMapViewModel vm;
    private Color text = Color.web("#444");

    public HeatMapCanvas(HitMapViewModel vm, BiConsumer<Integer, Integer> onSelect) {
        this.vm = vm;
        getChildren().add(canvas);
        setMinWidth(0);
        vm.bucketsProperty().addListener(o -> paint());
        vm.selectedProperty().addListener(o -> paint());
        vm.fromBucketProperty().addListener(o -> paint());
        vm.toBucketProperty().addListener(o -> paint());
        vm.byTierProperty().addListener(o -> paint());
        canvas.setOnMouseClicked(e -> {
            if (!e.isStillSincePress()) return;
            if (e.getClickCount() == 2) {
                vm.resetZoom();
                return;
            }
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell == null) return;
            onSelect.accept(cell[0], cell[1]);
        });
        canvas.setOnMousePressed(e -> dragX = e.getX());
        canvas.setOnMouseDragged(e -> {
            vm.pan(-(e.getX() - dragX) / Math.max(1, plotWidth()));
            dragX = e.getX();
        });
        canvas.setOnScroll(e -> {
            double dy = e.getDeltaY() == 0 ? e.getDeltaX() : e.getDeltaY();
            if (dy == 0) return;
            double anchor = Math.max(0, Math.min(1, (e.getX() - LEFT) / Math.max(1, plotWidth())));
            vm.zoom(dy > 0 ? 0.8 : 1.25, anchor);
            e.consume();
        });
    }

    private double dragX;

    private double plotWidth() {
        return getWidth() - LEFT - RIGHT;
    }

    public void setTextColor(Color c) {
        text = c;
        paint();
    }

    /** The (replica, bucket) under a point, or null. */
    public int[] cellAt(double x, double y) {
        BucketTable b = vm.bucketsProperty().get();
        if (b == null || b.buckets() == 0) return null;
        double pw = getWidth() - LEFT - RIGHT, ph = getHeight() - BOTTOM;
        if (x < LEFT || x >= LEFT + pw || y < 0 || y >= ph) return null;
        double from = vm.fromBucketProperty().get(), to = vm.toBucketProperty().get();
        int bucket = (int) Math.min(b.buckets() - 1, Math.floor(from + (x - LEFT) / pw * (to - from)));
        return new int[]{(int) ((y) / (ph / b.replicas())), bucket};
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        paint();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        BucketTable b = vm.bucketsProperty().get();
        if (b == null || b.buckets() == 0) return;
        double pw = getWidth() - LEFT - RIGHT, ph = getHeight() - BOTTOM;
        double from = vm.fromBucketProperty().get(), to = vm.toBucketProperty().get();
        double cw = pw / (to - from), ch = ph / b.replicas();
        g.save();
        g.beginPath();
        g.rect(LEFT, 0, pw, ph);
        g.clip();
        boolean tiers = vm.byTierProperty().get();
        if (cw >= 1) cells(g, b, from, to, cw, ch, tiers);
        else columns(g, b, from, to, pw, ch, tiers);
        int[] sel = vm.selectedProperty().get();
        if (sel != null) {
            g.setStroke(Color.web("#e5484d"));
            g.setLineWidth(2.5);
            g.strokeRect(LEFT + (sel[1] - from) * cw, sel[0] * ch + 1, Math.max(cw, 3), ch - 2);
            g.setLineWidth(1);
        }
        g.restore();
        axes(g, b, pw, ph, ch);
        if (tiers) legend(g, ph);
        else scale(g, ph);
    }

    /** One rectangle per visible bucket (each at least a pixel wide): hit-ratio colour, or the stack of tier shares. */
    private static void cells(GraphicsContext g, BucketTable b, double from, double to, double cw, double ch, boolean tiers) {
        int k0 = (int) Math.floor(from), k1 = Math.min(b.buckets(), (int) Math.ceil(to));
        for (int r = 0; r < b.replicas(); r++) {
            for (int k = k0; k < k1; k++) {
                double x = LEFT + (k - from) * cw, w = Math.ceil(cw) - (cw > 6 ? 1 : 0), h = ch - (ch > 6 ? 1 : 0);
                if (tiers) {
                    TierColors.paint(g, x, r * ch, w, h, b.lookup()[r][k], b.hitGpu(r, k), b.hitCpu()[r][k],
                            b.hitDisk()[r][k]);
                    continue;
                }
                g.setFill(HeatColors.of(b.hitRatio(r, k)));
                g.fillRect(x, r * ch, w, h);
            }
        }
    }

    /** More buckets than pixels: one column per pixel, the hit ratio of the buckets it covers. */
    private static void columns(GraphicsContext g, BucketTable b, double from, double to, double pw, double ch, boolean tiers) {
        int cols = (int) Math.ceil(pw);
        for (int r = 0; r < b.replicas(); r++) {
            for (int c = 0; c < cols; c++) {
                int k0 = (int) (from + c / pw * (to - from)), k1 = Math.min(b.buckets(), Math.max(k0 + 1, (int) (from + (c + 1) / pw * (to - from))));
                long lookups = 0, hits = 0, cpu = 0, disk = 0;
                for (int k = k0; k < k1; k++) {
                    lookups += b.lookup()[r][k];
                    hits += b.hit()[r][k];
                    cpu += b.hitCpu()[r][k];
                    disk += b.hitDisk()[r][k];
                }
                if (tiers) {
                    TierColors.paint(g, LEFT + c, r * ch, 1, ch - (ch > 6 ? 1 : 0), lookups, hits - cpu - disk, cpu, disk);
                    continue;
                }
                g.setFill(HeatColors.of(lookups == 0 ? Double.NaN : (double) hits / lookups));
                g.fillRect(LEFT + c, r * ch, 1, ch - (ch > 6 ? 1 : 0));
            }
        }
    }

    private void axes(GraphicsContext g, BucketTable b, double pw, double ph, double ch) {
        g.setFill(text);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < b.replicas(); r++) g.fillText("replica " + r, LEFT - 8, r * ch + ch / 2);
        g.setTextAlign(TextAlignment.CENTER);
        double t0 = vm.fromBucketProperty().get() * b.bucketSeconds(), t1 = vm.toBucketProperty().get() * b.bucketSeconds();
        double step = niceStep((t1 - t0) / Math.max(1, pw / 90));
        String fmt = step >= 1 ? "%.0f s" : step >= 0.1 ? "%.1f s" : "%.2f s";
        for (double t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
            g.fillText(String.format(Locale.ROOT, fmt, t), LEFT + (t - t0) / (t1 - t0) * pw, ph + BOTTOM / 2);
        }
    }

    private void scale(GraphicsContext g, double ph) {
        double x = getWidth() - RIGHT + 14;
        for (int i = 0; i < 100; i++) {
            g.setFill(HeatColors.of(1 - i / 100.0));
            g.fillRect(x, ph * i / 100.0, 14, ph / 100.0 + 1);
        }
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("100 %", x + 18, 6);
        g.fillText("50 %", x + 18, ph / 2);
        g.fillText("0 %", x + 18, ph - 6);
    }

    /** The tier colouring's legend in the scale's place: a swatch per tier and one for misses. */
    private void legend(GraphicsContext g, double ph) {
        double x = getWidth() - RIGHT + 6;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(10));
        double y = 8;
        for (int i = 0; i < TierColors.LEGEND.length; i++) {
            g.setFill(TierColors.LEGEND[i]);
            g.fillRect(x, y - 5, 10, 10);
            g.setFill(text);
            g.fillText(TierColors.LABELS[i], x + 14, y);
            y += 18;
        }
        g.setFont(Font.font(11));
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }
}
