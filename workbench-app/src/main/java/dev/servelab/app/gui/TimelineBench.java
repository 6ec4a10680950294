package dev.servelab.app.gui;

import dev.servelab.app.timeline.TimelineCanvas;
import dev.servelab.app.timeline.TimelineViewModel;
import javafx.animation.AnimationTimer;

import java.util.Arrays;
import java.util.Locale;

/**
 * The render benchmark ({@code servelab gui --bench-timeline}): opens a stored run's timeline and
 * drives 360 frames of zoom and pan, one step per frame, recording the frame interval and the time
 * the canvas spent painting.
 */
final class TimelineBench {
    private static final int FRAMES = 360;
    private final MainWindow w;
    private final long[] interval = new long[FRAMES];
    private final long[] paint = new long[FRAMES];

    TimelineBench(MainWindow w) {
        this.w = w;
    }

    /** Runs the frames, then calls {@code done} on the JavaFX thread with the report. */
    void start(long loadMillis, long openStartNanos, java.util.function.Consumer<String> done) {
        TimelineCanvas canvas = w.timeline().canvas();
        TimelineViewModel vm = w.workbench().timeline();
        new AnimationTimer() {
            int frame = -1;
            long last;
            long firstFrameNanos;

            @Override
            public void handle(long now) {
                if (frame == -1) {
                    canvas.paint();
                    firstFrameNanos = System.nanoTime() - openStartNanos;
                    last = now;
                    frame = 0;
                    return;
                }
                interval[frame] = now - last;
                last = now;
                step(vm, frame);
                canvas.paint();
                paint[frame] = canvas.lastPaintNanos();
                if (++frame == FRAMES) {
                    stop();
                    done.accept(report(vm, loadMillis, firstFrameNanos));
                }
            }
        }.start();
    }

    private static void step(TimelineViewModel vm, int f) {
        if (f < 120) vm.zoom(0.93, 0.4);
        else if (f < 180) vm.pan(0.03);
        else if (f < 240) vm.scrollRows(3);
        else if (f < 300) vm.zoom(1.0 / 0.93, 0.6);
        else vm.pan(-0.05);
    }

    private String report(TimelineViewModel vm, long loadMillis, long firstFrameNanos) {
        var t = vm.tokensProperty().get();
        return String.format(Locale.ROOT, """
                timeline benchmark: %,d requests with %,d token timestamps, %d replicas, %,d iterations
                  read + decode + SLA prep        %6d ms
                  open to first painted frame    %6.0f ms (including the read)
                  zoom/pan frames (%d, one step each): frame interval median %.1f ms, p95 %.1f ms, max %.1f ms
                  canvas paint per frame:        median %.1f ms, p95 %.1f ms, max %.1f ms
                """, t.rows(), t.totalTokens(), vm.iterationsProperty().get().size(),
                vm.iterationsProperty().get().stream().mapToLong(i -> i.size()).sum(), loadMillis, firstFrameNanos / 1e6, FRAMES,
                pct(interval, 50), pct(interval, 95), pct(interval, 100), pct(paint, 50), pct(paint, 95), pct(paint, 100));
    }

    private static double pct(long[] v, double q) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(q / 100 * s.length) - 1)] / 1e6;
    }
}
