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

/** Replica rows × time-bucket columns coloured by hit ratio, with a colour scale; click selects a cell. */
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
        vm.bucketsProperty().addListener(o -> paint());
        vm.selectedProperty().addListener(o -> paint());
        canvas.setOnMouseClicked(e -> {
            int[] cell = cellAt(e.getX(), e.getY());
            if (cell == null) return;
            onSelect.accept(cell[0], cell[1]);
        });
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
        return new int[]{(int) ((y) / (ph / b.replicas())), (int) ((x - LEFT) / (pw / b.buckets()))};
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
        double cw = pw / b.buckets(), ch = ph / b.replicas();
        for (int r = 0; r < b.replicas(); r++) {
            for (int k = 0; k < b.buckets(); k++) {
                g.setFill(HeatColors.of(b.hitRatio(r, k)));
                g.fillRect(LEFT + k * cw, r * ch, Math.ceil(cw) - (cw > 6 ? 1 : 0), ch - (ch > 6 ? 1 : 0));
            }
        }
        int[] sel = vm.selectedProperty().get();
        if (sel != null) {
            g.setStroke(Color.web("#e5484d"));
            g.setLineWidth(2.5);
            g.strokeRect(LEFT + sel[1] * cw, sel[0] * ch + 1, Math.max(cw, 3), ch - 2);
            g.setLineWidth(1);
        }
        axes(g, b, pw, ph, ch);
        scale(g, ph);
    }

    private void axes(GraphicsContext g, BucketTable b, double pw, double ph, double ch) {
        g.setFill(text);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < b.replicas(); r++) g.fillText("replica " + r, LEFT - 8, r * ch + ch / 2);
        g.setTextAlign(TextAlignment.CENTER);
        double total = b.buckets() * b.bucketSeconds();
        double step = niceStep(total / Math.max(1, pw / 90));
        for (double t = 0; t <= total; t += step) g.fillText(String.format(Locale.ROOT, "%.0f s", t), LEFT + t / total * pw, ph + BOTTOM / 2);
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

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= raw) return m * p;
        return 10 * p;
    }
}
