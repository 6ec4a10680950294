package dev.servelab.app.runs;

import dev.servelab.app.export.Exports;
import dev.servelab.app.sla.Charts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs browser (top) and the comparison of the selected runs: overlaid CDFs and a delta table (bottom). */
public final class RunsView extends BorderPane {
    private final TableView<RunRow> table = new TableView<>();
    private final DeltaTable deltaTable;
    private final LineChart<Number, Number> ttft = Charts.line("TTFT — CDF", "TTFT (ms)", "fraction");
    private final LineChart<Number, Number> tpot = Charts.line("TPOT — CDF", "TPOT (ms)", "fraction");
    private final LineChart<Number, Number> e2el = Charts.line("E2E latency — CDF", "E2EL (ms)", "fraction");
    private final Button compare = new Button("Compare", new FontIcon("mdi2c-compare-horizontal"));
    private final Button simVsLive = new Button("Sim vs live", new FontIcon("mdi2s-scale-balance"));

    public RunsView(RunsViewModel vm, Consumer<Long> open, Function<List<Long>, ?> onCompare, Function<List<Long>, ?> onSimVsLive,
                    Runnable refresh) {
        getStyleClass().add("runs-view");
        deltaTable = new DeltaTable(vm);
        Charts.bind(ttft, vm.overlay().ttft(), vm.overlay().ttftSloProperty());
        Charts.bind(tpot, vm.overlay().tpot(), vm.overlay().tpotSloProperty());
        Charts.bind(e2el, vm.overlay().e2el(), vm.overlay().e2elSloProperty());
        SortedList<RunRow> rows = new SortedList<>(vm.runs());
        rows.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(rows);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c ->
                vm.select(List.copyOf(table.getSelectionModel().getSelectedItems())));
        columns();
        table.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<RunRow>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) open.accept(row.getItem().id());
            });
            return row;
        });
        Button openB = new Button("Open", new FontIcon("mdi2f-folder-open-outline"));
        openB.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.selected()));
        openB.setOnAction(e -> open.accept(vm.selected().getFirst().id()));
        compare.disableProperty().bind(vm.canCompare().not());
        compare.setOnAction(e -> onCompare.apply(vm.selected().stream().map(RunRow::id).toList()));
        compare.getStyleClass().add("accent");
        simVsLive.setId("sim-vs-live");
        simVsLive.disableProperty().bind(vm.canCompareModes().not());
        simVsLive.setTooltip(new javafx.scene.control.Tooltip("A live run against a simulated run of the same pipeline (the two selected, "
                + "or the selected run's newest counterpart): overlaid CDFs and the simulation's error per metric"));
        simVsLive.setOnAction(e -> vm.simLivePair().ifPresent(onSimVsLive::apply));
        Button reload = new Button(null, new FontIcon("mdi2r-refresh"));
        reload.setOnAction(e -> refresh.run());
        Button csv = new Button("Runs CSV", new FontIcon("mdi2f-file-delimited-outline"));
        csv.setOnAction(e -> Exports.saveText(this, "runs.csv", vm.runsCsv()));
        Label hint = new Label("Select two or more runs (Ctrl/Shift-click) to compare, a live and a simulated run for sim vs live; double-click opens a run.");
        hint.getStyleClass().add("text-muted");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox bar = new HBox(6, reload, openB, compare, simVsLive, csv, sp, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        setTop(bar);
        SplitPane charts = new SplitPane(ttft, tpot, e2el);
        charts.setDividerPositions(1 / 3.0, 2 / 3.0);
        Button png = new Button("Charts PNG", new FontIcon("mdi2i-image-outline"));
        png.setOnAction(e -> Exports.savePng(charts, "comparison.png"));
        Button dcsv = new Button("Deltas CSV", new FontIcon("mdi2f-file-delimited-outline"));
        dcsv.setOnAction(e -> Exports.saveText(this, "comparison.csv", vm.deltasCsv()));
        Label title = new Label();
        title.textProperty().bind(vm.comparisonTitleProperty());
        HBox exports = new HBox(6, title, png, dcsv);
        exports.setAlignment(Pos.CENTER_LEFT);
        exports.setPadding(new Insets(4, 10, 4, 10));
        exports.getStyleClass().add("section-bar");
        BorderPane comparison = new BorderPane(new SplitPane(charts, deltaTable));
        ((SplitPane) comparison.getCenter()).setDividerPositions(0.66);
        comparison.setTop(exports);
        SplitPane split = new SplitPane(table, comparison);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.3);
        setCenter(split);
    }

    private void columns() {
        table.getColumns().add(col("id", r -> r.id()));
        table.getColumns().add(col("name", RunRow::name));
        table.getColumns().add(col("mode", RunRow::mode));
        table.getColumns().add(col("status", RunRow::status));
        table.getColumns().add(col("created", RunRow::created));
        table.getColumns().add(col("workload", RunRow::workload));
        table.getColumns().add(col("done", r -> num(r.completed(), "%.0f")));
        table.getColumns().add(col("req/s", r -> num(r.requestThroughput(), "%.2f")));
        table.getColumns().add(col("TTFT mean ms", r -> num(r.meanTtftMs(), "%.1f")));
        table.getColumns().add(col("TTFT p99 ms", r -> num(r.p99TtftMs(), "%.1f")));
        table.getColumns().add(col("TPOT mean ms", r -> num(r.meanTpotMs(), "%.2f")));
        table.getColumns().add(col("goodput/s", r -> num(r.goodput(), "%.2f")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs in this store yet — run a pipeline (F5)"));
    }

    static String num(double v, String fmt) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, fmt, v);
    }

    private static <T> TableColumn<RunRow, T> col(String name, Function<RunRow, T> f) {
        TableColumn<RunRow, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    public TableView<RunRow> table() {
        return table;
    }

    public DeltaTable deltaTable() {
        return deltaTable;
    }

    public LineChart<Number, Number> ttft() {
        return ttft;
    }

    public LineChart<Number, Number> tpot() {
        return tpot;
    }

    public LineChart<Number, Number> e2el() {
        return e2el;
    }

    public Button compare() {
        return compare;
    }

    public Button simVsLive() {
        return simVsLive;
    }
}
