package dev.servelab.app.ab;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

import java.util.Locale;

/**
 * Per metric, the difference relative to the baseline's mean with its 95 % interval: a bar and a dot on
 * a common percent axis centred on 0 (at most ±50 %, larger changes drawn to the edge; the number
 * beside each row is exact), red when the verdict is worse, green when better, grey otherwise.
 * Bars carry the style classes {@code forest-bar} and {@code forest-worse} / {@code forest-better} /
 * {@code forest-none}.
 */
final class ForestPlot extends Pane {
    static final Color WORSE = Color.web("#c62828");
    static final Color BETTER = Color.web("#2e7d32");
    static final Color NONE = Color.web("#757575");
    private static final double ROW_PX = 18;
    private static final double LABEL_PX = 190;
    private static final double PLOT_PX = 420;
    /** The axis reaches at most ±50 %: one metric that doubles must not flatten the others; it is drawn to the edge. */
    private static final double MAX_SPAN_PCT = 50;

    ForestPlot(ObservableList<AbRows.Metric> metrics) {
        getStyleClass().add("forest-plot");
        metrics.addListener((ListChangeListener<AbRows.Metric>) c -> draw(metrics));
        draw(metrics);
    }

    private void draw(ObservableList<AbRows.Metric> metrics) {
        getChildren().clear();
        double span = 1;
        for (AbRows.Metric m : metrics) span = Math.max(span, Math.max(Math.abs(m.relative(m.ciLow())), Math.abs(m.relative(m.ciHigh()))));
        span = Math.min(span, MAX_SPAN_PCT);
        double zero = LABEL_PX + PLOT_PX / 2;
        double scale = PLOT_PX / 2 / span;
        double height = ROW_PX * (metrics.size() + 1);
        Line axis = new Line(zero, 0, zero, height);
        axis.setStroke(Color.GRAY);
        getChildren().add(axis);
        getChildren().add(new Text(LABEL_PX, height - 3, String.format(Locale.ROOT, "%+.0f %%", -span)));
        getChildren().add(new Text(LABEL_PX + PLOT_PX - 40, height - 3, String.format(Locale.ROOT, "%+.0f %%", span)));
        double y = ROW_PX / 2;
        for (AbRows.Metric m : metrics) {
            Color colour = switch (m.verdict()) {
                case "worse" -> WORSE;
                case "better" -> BETTER;
                default -> NONE;
            };
            getChildren().add(new Text(0, y + 4, m.metric()));
            Line bar = new Line(zero + scale * clamp(m.relative(m.ciLow()), span), y, zero + scale * clamp(m.relative(m.ciHigh()), span), y);
            bar.setStroke(colour);
            bar.setStrokeWidth(2);
            bar.getStyleClass().addAll("forest-bar", switch (m.verdict()) {
                case "worse" -> "forest-worse";
                case "better" -> "forest-better";
                default -> "forest-none";
            });
            Circle dot = new Circle(zero + scale * clamp(m.relative(m.difference()), span), y, 3.5, colour);
            Text pct = new Text(LABEL_PX + PLOT_PX + 6, y + 4,
                    Double.isFinite(m.differencePct()) ? String.format(Locale.ROOT, "%+.1f %%", m.differencePct()) : "–");
            pct.setFill(colour);
            getChildren().addAll(bar, dot, pct);
            y += ROW_PX;
        }
        setPrefSize(LABEL_PX + PLOT_PX + 70, height);
        setMinHeight(height);
    }

    private static double clamp(double pct, double span) {
        return Math.max(-span, Math.min(span, pct));
    }
}
