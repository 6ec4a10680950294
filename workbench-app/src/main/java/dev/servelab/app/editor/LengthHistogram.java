package dev.servelab.app.editor;

import dev.servelab.engine.workload.LengthSpec;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The preview of a length distribution: {@value #SAMPLES} lengths drawn with {@link LengthSpec#sample}
 * (as a generator draws them, seed 42), binned into {@value #BINS} bars from the smallest length to the
 * 99.5th percentile; the caption gives the sample mean and percentiles, or why the fields do not form
 * a distribution.
 */
final class LengthHistogram extends Canvas {
    static final int SAMPLES = 20_000;
    static final int BINS = 40;
    private final Label caption = new Label();

    LengthHistogram(double w, double h) {
        super(w, h);
        setId("length-histogram");
        caption.setId("length-caption");
    }

    Label caption() {
        return caption;
    }

    /** Redraws for the given fields (NaN = not given: cv 0, min 1, max 1,000,000). */
    void draw(String dist, double mean, double cv, int min, int max) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        int[] xs;
        try {
            LengthSpec spec = new LengthSpec(dist, mean, Double.isNaN(cv) ? 0 : cv, min <= 0 ? 1 : min, max <= 0 ? 1_000_000 : max);
            if (!(mean >= 1)) throw new IllegalArgumentException("mean must be a number >= 1");
            SplittableRandom rng = new SplittableRandom(42);
            xs = new int[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) xs[i] = spec.sample(rng);
        } catch (IllegalArgumentException e) {
            caption.setText(e.getMessage());
            return;
        }
        Arrays.sort(xs);
        int lo = xs[0], hi = Math.max(lo + 1, xs[(int) (SAMPLES * 0.995)]);
        int[] bins = new int[BINS];
        for (int x : xs) bins[Math.min(BINS - 1, (int) ((long) (Math.min(x, hi) - lo) * BINS / (hi - lo + 1)))]++;
        int top = Arrays.stream(bins).max().orElse(1);
        double bw = getWidth() / BINS;
        g.setFill(Color.web("#6366f1"));
        for (int i = 0; i < BINS; i++) {
            double h = (getHeight() - 4) * bins[i] / top;
            g.fillRect(i * bw + 1, getHeight() - h, bw - 2, h);
        }
        double avg = Arrays.stream(xs).average().orElse(0);
        caption.setText("mean " + LengthEditor.format(avg) + " · p50 " + xs[SAMPLES / 2] + " · p90 " + xs[(int) (SAMPLES * 0.9)]
                + " · p99 " + xs[(int) (SAMPLES * 0.99)] + " tokens  (x: " + lo + " … " + hi + ")");
    }
}
