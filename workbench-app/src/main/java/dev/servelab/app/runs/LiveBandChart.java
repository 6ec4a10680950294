package dev.servelab.app.runs;

import dev.servelab.hw.jvm.LiveSpread;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

import java.util.List;
import java.util.Locale;

/**
 * The live band of a sim-vs-live comparison (issue 17 item 5): one row per metric, on a shared axis of percent
 * from the live mean. A dark bar spans the live runs' min–max, a light one under it their 95 % interval for one
 * run ({@link LiveSpread}; clipped at the axis ends), a vertical line marks the live mean (0 %), and a diamond the simulated value, green when
 * it lies inside the 95 % interval and red outside. The axis is symmetric and wide enough for the min–max bars
 * and the diamonds; the full figures are in each row's tooltip. Rows carry ids {@code band-<metric>} and their shapes {@code range}, {@code interval}, {@code mean},
 * {@code sim}, so tests find them.
 */
public final class LiveBandChart extends VBox {
    static final double BAR_WIDTH = 220;
    static final double ROW_HEIGHT = 22;
    static final double NAME_WIDTH = 120;
    static final Color RANGE = Color.web("#3f78c4");
    static final Color INTERVAL = Color.web("#b9cff0");
    static final Color INSIDE = Color.web("#2e9e4f");
    static final Color OUTSIDE = Color.web("#d03b3b");

    private final ObservableList<LiveSpread> spreads;

    public LiveBandChart(ObservableList<LiveSpread> spreads) {
        this.spreads = spreads;
        setId("live-band");
        setSpacing(6);
        setPadding(new Insets(8, 10, 8, 10));
        spreads.addListener((ListChangeListener<LiveSpread>) c -> rebuild());
        rebuild();
    }

    /**
     * Half the axis width in percent: the farther of the live min–max ends and the diamond, times 1.2, rounded up
     * to a step of 5 (at least 5 %). The 95 % interval of a few runs is often much wider (Student's t for 2
     * degrees of freedom is 4.3); it is clipped at the axis ends rather than squeezing everything else.
     */
    static double halfRangePct(java.util.List<LiveSpread> spreads) {
        double w = 0;
        for (LiveSpread s : spreads) {
            if (!(s.liveMean() != 0) || Double.isNaN(s.liveMean())) continue;
            for (double v : new double[] {s.liveMin(), s.liveMax(), s.sim()}) {
                if (Double.isFinite(v)) w = Math.max(w, Math.abs(pct(s, v)));
            }
        }
        return Math.max(5, Math.ceil(1.2 * w / 5) * 5);
    }

    /** {@code v} in percent from the live mean. */
    static double pct(LiveSpread s, double v) {
        return 100 * (v - s.liveMean()) / s.liveMean();
    }

    /** The x of {@code percent} on a bar of {@link #BAR_WIDTH} for an axis of ± {@code half} %, clipped to the bar. */
    static double x(double percent, double half) {
        return Math.min(BAR_WIDTH, Math.max(0, BAR_WIDTH / 2 + percent / half * BAR_WIDTH / 2));
    }

    private void rebuild() {
        getChildren().clear();
        if (spreads.isEmpty()) {
            Label none = new Label("Sim vs live: pick a live and a simulated run. With several live runs of the pipeline "
                    + "(compare-modes --repeat N) the band shows their spread.");
            none.getStyleClass().add("text-muted");
            getChildren().add(none);
            return;
        }
        double half = halfRangePct(spreads);
        int runs = spreads.stream().mapToInt(LiveSpread::runs).max().orElse(0);
        Label title = new Label(String.format(Locale.ROOT, "Live band over %d live run%s, in %% of the live mean (axis ±%.0f %%):"
                + " dark = min–max, light = 95 %% interval of one run (clipped at the ends), ◆ = simulated, green inside"
                + " the interval", runs, runs == 1 ? "" : "s", half));
        title.setId("live-band-title");
        title.setWrapText(true);
        title.setMaxWidth(NAME_WIDTH + BAR_WIDTH + 120);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        for (int i = 0; i < spreads.size(); i++) {
            LiveSpread s = spreads.get(i);
            Label name = new Label(s.metric());
            name.setMinWidth(NAME_WIDTH);
            grid.add(name, 0, i);
            Pane bar = row(s, half);
            Tooltip.install(bar, new Tooltip(describe(s)));
            grid.add(bar, 1, i);
            Label value = new Label(verdict(s));
            value.setId("band-text-" + s.metric());
            value.setTooltip(new Tooltip(describe(s)));
            value.setTextFill(s.runs() >= 2 && !s.inside() ? OUTSIDE : Color.web("#333333"));
            grid.add(value, 2, i);
        }
        grid.add(axis(half), 1, spreads.size());
        getChildren().addAll(title, grid);
    }

    /** Tick labels under the bars: the axis ends and the live mean. */
    private static Pane axis(double half) {
        Pane p = new Pane();
        p.setPrefSize(BAR_WIDTH, 16);
        Label left = new Label(String.format(Locale.ROOT, "−%.0f %%", half));
        Label mid = new Label("live mean");
        Label right = new Label(String.format(Locale.ROOT, "+%.0f %%", half));
        left.setLayoutX(0);
        mid.setLayoutX(BAR_WIDTH / 2 - 26);
        right.setLayoutX(BAR_WIDTH - 48);
        for (Label l : List.of(left, mid, right)) l.getStyleClass().add("text-muted");
        p.getChildren().addAll(left, mid, right);
        return p;
    }

    /** The short verdict beside a bar: the simulation's error from the live mean, and inside/outside. */
    static String verdict(LiveSpread s) {
        if (s.runs() == 0) return "no live value";
        return String.format(Locale.ROOT, "sim %+.1f %%%s", s.errorPct(), s.runs() < 2 ? "" : s.inside() ? " · inside" : " · outside");
    }

    private static String describe(LiveSpread s) {
        if (s.runs() == 0) return "no live value";
        String interval = s.runs() < 2 ? "one live run: no interval"
                : String.format(Locale.ROOT, "95 %%: %+.1f … %+.1f %%", pct(s, s.low95()), pct(s, s.high95()));
        return String.format(Locale.ROOT, "live %s · sim %s (%+.1f %%) · %s%s", num(s.liveMean()), num(s.sim()), s.errorPct(),
                interval, s.runs() >= 2 ? (s.inside() ? " · inside" : " · outside") : "");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
    }

    private static Pane row(LiveSpread s, double half) {
        Pane p = new Pane();
        p.setId("band-" + s.metric());
        p.setPrefSize(BAR_WIDTH, ROW_HEIGHT);
        p.setMinSize(BAR_WIDTH, ROW_HEIGHT);
        p.setMaxSize(BAR_WIDTH, ROW_HEIGHT);
        Rectangle frame = new Rectangle(0, 0, BAR_WIDTH, ROW_HEIGHT);
        frame.setFill(Color.TRANSPARENT);
        frame.setStroke(Color.web("#d0d0d0"));
        p.getChildren().add(frame);
        if (s.runs() == 0 || s.liveMean() == 0) return p;
        if (s.runs() >= 2) p.getChildren().add(bar("interval", pct(s, s.low95()), pct(s, s.high95()), half, 8, INTERVAL));
        p.getChildren().add(bar("range", pct(s, s.liveMin()), pct(s, s.liveMax()), half, 4, RANGE));
        Line mean = new Line(x(0, half), 1, x(0, half), ROW_HEIGHT - 1);
        mean.setId("mean");
        mean.setStrokeWidth(2);
        p.getChildren().add(mean);
        if (!Double.isNaN(s.sim())) {
            double cx = x(pct(s, s.sim()), half);
            double cy = ROW_HEIGHT / 2;
            Polygon d = new Polygon(cx, cy - 7, cx + 6, cy, cx, cy + 7, cx - 6, cy);
            d.setId("sim");
            d.setFill(s.runs() < 2 || s.inside() ? INSIDE : OUTSIDE);
            d.setStroke(Color.WHITE);
            p.getChildren().add(d);
        }
        return p;
    }

    private static Rectangle bar(String id, double fromPct, double toPct, double half, double inset, Color fill) {
        double a = x(fromPct, half);
        double b = x(toPct, half);
        Rectangle r = new Rectangle(Math.min(a, b), inset, Math.max(1, Math.abs(b - a)), ROW_HEIGHT - 2 * inset);
        r.setId(id);
        r.setFill(fill);
        return r;
    }
}
