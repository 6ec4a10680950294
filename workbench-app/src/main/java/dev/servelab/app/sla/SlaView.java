package dev.servelab.app.sla;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

import java.util.List;

/** The headline table (mean/p50/p90/p99, rates) above eight charts: the four latency CDFs with SLO lines, TTFT/TPOT percentiles over time, throughput and goodput. */
public final class SlaView extends BorderPane {
    private final LineChart<Number, Number> ttft = Charts.cdf("TTFT — CDF", "TTFT (ms)", "fraction of requests");
    private final LineChart<Number, Number> tpot = Charts.cdf("TPOT — CDF", "TPOT (ms)", "fraction of requests");
    private final LineChart<Number, Number> itl = Charts.cdf("ITL — CDF", "ITL (ms)", "fraction of gaps");
    private final LineChart<Number, Number> e2el = Charts.cdf("E2E latency — CDF", "E2EL (ms)", "fraction of requests");
    private final LineChart<Number, Number> overTime = Charts.line("TTFT percentiles over time", "time (s)", "TTFT (ms)");
    private final LineChart<Number, Number> tpotOverTime = Charts.line("TPOT percentiles over time", "time (s)", "TPOT (ms)");
    private final LineChart<Number, Number> throughput = Charts.line("Token throughput", "time (s)", "tokens / s");
    private final LineChart<Number, Number> goodput = Charts.line("Completions and goodput", "time (s)", "requests / s");

    private final HeadlineTable table;

    public SlaView(SlaViewModel vm) {
        getStyleClass().add("sla-view");
        Charts.bind(ttft, vm.ttft(), vm.ttftSloProperty());
        Charts.bind(tpot, vm.tpot(), vm.tpotSloProperty());
        Charts.bind(itl, vm.itl(), vm.tpotSloProperty());
        Charts.bind(e2el, vm.e2el(), vm.e2elSloProperty());
        Charts.bind(overTime, vm.ttftOverTime(), vm.ttftSloProperty(), true);
        Charts.bind(tpotOverTime, vm.tpotOverTime(), vm.tpotSloProperty(), true);
        Charts.bind(throughput, vm.throughput(), null);
        Charts.bind(goodput, vm.goodput(), null);
        Label head = new Label();
        head.textProperty().bind(vm.headlineProperty());
        head.getStyleClass().add("view-headline");
        org.kordamp.ikonli.javafx.FontIcon busy = new org.kordamp.ikonli.javafx.FontIcon("mdi2t-timer-sand");
        busy.visibleProperty().bind(vm.loadingProperty());
        busy.managedProperty().bind(vm.loadingProperty());
        HBox line = new HBox(8, busy, head);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(8, 12, 4, 12));
        table = new HeadlineTable(vm.headlineTableProperty());
        setTop(new VBox(line, table));
        goodput.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Double.isNaN(vm.ttftSloProperty().get()) && Double.isNaN(vm.tpotSloProperty().get())
                        && Double.isNaN(vm.e2elSloProperty().get()) ? "Completions" : "Completions and goodput",
                vm.ttftSloProperty(), vm.tpotSloProperty(), vm.e2elSloProperty()));
        tooltip(ttft, MetricHelp.TTFT);
        tooltip(tpot, MetricHelp.TPOT);
        tooltip(itl, MetricHelp.ITL);
        tooltip(e2el, MetricHelp.E2EL);
        tooltip(overTime, MetricHelp.TTFT);
        tooltip(tpotOverTime, MetricHelp.TPOT);
        tooltip(throughput, MetricHelp.OUTPUT_THROUGHPUT);
        tooltip(goodput, MetricHelp.GOODPUT);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 8, 8, 8));
        List<LineChart<Number, Number>> charts = List.of(ttft, tpot, itl, e2el, overTime, tpotOverTime, throughput, goodput);
        grid.add(ttft, 0, 0);
        // one more chart per frame: a chart's first CSS and layout pass is costly, eight in one pulse freeze the window
        new javafx.animation.AnimationTimer() {
            private int next = 1;

            @Override
            public void handle(long now) {
                if (next >= charts.size()) {
                    stop();
                    return;
                }
                grid.add(charts.get(next), next % 4, next / 4);
                next++;
            }
        }.start();
        for (int i = 0; i < 4; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / 4);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int i = 0; i < 2; i++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        setCenter(grid);
    }

    /** The chart's title explains its metric (hovering the plot shows values instead). */
    private static void tooltip(LineChart<Number, Number> c, String help) {
        javafx.scene.Node title = c.lookup(".chart-title");
        Tooltip t = new Tooltip(help);
        t.setWrapText(true);
        t.setMaxWidth(420);
        if (title != null) Tooltip.install(title, t);
        else c.sceneProperty().addListener((o, a, b) -> {
            javafx.scene.Node n = c.lookup(".chart-title");
            if (n != null) Tooltip.install(n, t);
        });
    }

    public HeadlineTable headlineTable() {
        return table;
    }

    public LineChart<Number, Number> ttft() {
        return ttft;
    }

    public LineChart<Number, Number> tpot() {
        return tpot;
    }

    public LineChart<Number, Number> itl() {
        return itl;
    }

    public LineChart<Number, Number> e2el() {
        return e2el;
    }

    public LineChart<Number, Number> overTime() {
        return overTime;
    }

    public LineChart<Number, Number> tpotOverTime() {
        return tpotOverTime;
    }

    public LineChart<Number, Number> throughput() {
        return throughput;
    }

    public LineChart<Number, Number> goodput() {
        return goodput;
    }
}
