package dev.servelab.app.sla;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

import java.util.List;

/**
 * The {@link Headline} as two grids of labels: latency percentiles (rows TTFT, TPOT, ITL, E2EL; columns
 * mean, p50, p90, p99 in ms) and the run's rates. Every value label has the id {@code headline-<key>}
 * (the key of {@code servelab run --json}, e.g. {@code headline-p99_ttft_ms}), takes the keyboard focus
 * in reading order (Tab), copies its number with Ctrl+C, and explains its metric in a tooltip.
 */
public final class HeadlineTable extends HBox {
    private final GridPane latency = new GridPane();
    private final GridPane rates = new GridPane();

    public HeadlineTable(ObservableValue<Headline> headline) {
        super(28);
        getStyleClass().add("headline-table");
        setPadding(new Insets(2, 12, 6, 12));
        setAlignment(Pos.TOP_LEFT);
        for (GridPane g : List.of(latency, rates)) {
            g.setHgap(14);
            g.setVgap(2);
            g.getStyleClass().add("headline-grid");
        }
        getChildren().addAll(latency, rates);
        headline.addListener((o, a, b) -> show(b));
        show(headline.getValue());
    }

    private void show(Headline h) {
        latency.getChildren().clear();
        rates.getChildren().clear();
        if (h == null || h.latencies().isEmpty()) return;
        latency.add(header("ms"), 0, 0);
        for (int c = 0; c < Headline.STATS.size(); c++) latency.add(header(Headline.STATS.get(c)), c + 1, 0);
        for (int r = 0; r < h.latencies().size(); r++) {
            Headline.LatencyRow row = h.latencies().get(r);
            Label name = header(row.metric());
            lazyTip(name, row.help());
            latency.add(name, 0, r + 1);
            for (int c = 0; c < row.values().size(); c++) latency.add(value(row.values().get(c)), c + 1, r + 1);
        }
        int half = (h.rates().size() + 1) / 2;
        for (int i = 0; i < h.rates().size(); i++) {
            Headline.Value v = h.rates().get(i);
            Label name = header(v.label());
            lazyTip(name, v.help());
            int col = i < half ? 0 : 3, row = i < half ? i : i - half;
            rates.add(name, col, row);
            rates.add(value(v), col + 1, row);
            Label unit = new Label(v.unit());
            unit.getStyleClass().add("headline-unit");
            rates.add(unit, col + 2, row);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("headline-header");
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static Label value(Headline.Value v) {
        Label l = new Label(v.text());
        l.setId("headline-" + v.key());
        l.getStyleClass().add("headline-value");
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.setAlignment(Pos.CENTER_RIGHT);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setFocusTraversable(true);
        l.setAccessibleRole(AccessibleRole.TEXT);
        l.setAccessibleText(v.label() + " " + v.text() + " " + v.unit());
        lazyTip(l, v.label() + " = " + v.text() + " " + v.unit() + "   (" + v.key() + ")\n" + v.help());
        l.setOnMouseClicked(e -> l.requestFocus());
        l.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                ClipboardContent c = new ClipboardContent();
                c.putString(v.text());
                Clipboard.getSystemClipboard().setContent(c);
                e.consume();
            }
        });
        return l;
    }

    /** Installs the tooltip when the pointer first enters the label (forty tooltips made up front cost a visible pause). */
    private static void lazyTip(Label l, String text) {
        l.setOnMouseEntered(e -> {
            if (l.getTooltip() == null) l.setTooltip(tip(text));
        });
        l.setUserData(text);
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(460);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    public GridPane latency() {
        return latency;
    }

    public GridPane rates() {
        return rates;
    }
}
