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
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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

/** Runs browser (top, with configuration columns) and the comparison of the selected runs: overlaid CDFs, a delta table and the config diff (bottom). */
public final class RunsView extends BorderPane {
    private final TableView<RunRow> table = new TableView<>();
    private final DeltaTable deltaTable;
    private final LineChart<Number, Number> ttft = Charts.cdf("TTFT — CDF", "TTFT (ms)", "fraction");
    private final LineChart<Number, Number> tpot = Charts.cdf("TPOT — CDF", "TPOT (ms)", "fraction");
    private final LineChart<Number, Number> e2el = Charts.cdf("E2E latency — CDF", "E2EL (ms)", "fraction");
    private final Button compare = new Button("Compare", new FontIcon("mdi2c-compare-horizontal"));
    private final Button simVsLive = new Button("Sim vs live", new FontIcon("mdi2s-scale-balance"));
    private final LiveBandChart liveBand;
    private java.util.function.BiConsumer<Long, String> exportTable = (id, what) -> { };

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
        csv.setTooltip(new javafx.scene.control.Tooltip("Every run with its configuration and every summary metric (all percentiles)"));
        MenuButton tables = new MenuButton("Export run", new FontIcon("mdi2t-table-arrow-right"));
        tables.setId("runs-export-table");
        tables.setTooltip(new javafx.scene.control.Tooltip("One table of the selected run as CSV (as servelab export --what)"));
        for (String[] t : new String[][]{{"requests", "Per request (requests.csv)"}, {"tokens", "Per token (tokens.csv)"},
                {"iterations", "Per iteration (iterations.csv)"}, {"buckets", "Per time bucket and replica (buckets.csv)"}}) {
            MenuItem item = new MenuItem(t[1]);
            item.setOnAction(e -> {
                if (!vm.selected().isEmpty()) exportTable.accept(vm.selected().getFirst().id(), t[0]);
            });
            tables.getItems().add(item);
        }
        tables.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.selected()));
        Label hint = new Label("Select two or more runs (Ctrl/Shift-click) to compare, a live and a simulated run for sim vs live; double-click opens a run.");
        hint.getStyleClass().add("text-muted");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox bar = new HBox(6, reload, openB, compare, simVsLive, csv, tables, sp, hint);
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
        liveBand = new LiveBandChart(vm.liveSpreads());
        Tab band = new Tab("Live band", new javafx.scene.control.ScrollPane(liveBand));
        band.setId("runs-live-band-tab");
        TabPane details = new TabPane(new Tab("Metrics", deltaTable), new Tab("Config diff", configDiffTable(vm)), band);
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.liveSpreads().addListener((ListChangeListener<dev.servelab.hw.jvm.LiveSpread>) c -> {
            if (vm.liveSpreads().stream().anyMatch(x -> x.runs() >= 2)) details.getSelectionModel().select(band);
        });
        BorderPane comparison = new BorderPane(new SplitPane(charts, details));
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
        table.getColumns().add(col("hardware", RunRow::hardware));
        table.getColumns().add(col("replicas", RunRow::replicas));
        table.getColumns().add(col("TP", RunRow::tp));
        table.getColumns().add(col("scheduler", RunRow::scheduler));
        table.getColumns().add(col("router", RunRow::router));
        table.getColumns().add(col("executor", RunRow::executor));
        table.getColumns().add(col("done", r -> Double.isNaN(r.completed()) ? "—" : Long.toString(Math.round(r.completed()))));
        table.getColumns().add(col("req/s", r -> num(r.requestThroughput(), "%.2f")));
        table.getColumns().add(col("TTFT mean ms", r -> num(r.meanTtftMs(), "%.1f")));
        table.getColumns().add(col("TTFT p99 ms", r -> num(r.p99TtftMs(), "%.1f")));
        table.getColumns().add(col("TPOT mean ms", r -> num(r.meanTpotMs(), "%.2f")));
        table.getColumns().add(col("goodput/s", r -> num(r.goodput(), "%.2f")));
        double[] widths = {50, 170, 62, 90, 150, 170, 95, 82, 40, 130, 175, 110, 70, 70, 118, 108, 118, 90};
        for (int i = 0; i < table.getColumns().size() && i < widths.length; i++) table.getColumns().get(i).setPrefWidth(widths[i]);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No runs in this store yet — run a pipeline (F5)"));
    }

    /** The settings that differ between the selected runs: a row per setting, a column per run. */
    private static TableView<ConfigDiff> configDiffTable(RunsViewModel vm) {
        TableView<ConfigDiff> t = new TableView<>(vm.configDiff());
        t.setId("runs-config-diff");
        t.setPlaceholder(new Label("Select two or more runs: the settings that differ show here"));
        Runnable rebuild = () -> {
            t.getColumns().clear();
            TableColumn<ConfigDiff, String> k = new TableColumn<>("setting");
            k.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().setting()));
            k.setPrefWidth(190);
            t.getColumns().add(k);
            for (int i = 0; i < vm.selected().size(); i++) {
                int n = i;
                RunRow r = vm.selected().get(i);
                TableColumn<ConfigDiff, String> c = new TableColumn<>("#" + r.id() + " " + r.name());
                c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(n < d.getValue().values().size() ? d.getValue().values().get(n) : ""));
                c.setPrefWidth(140);
                t.getColumns().add(c);
            }
        };
        vm.configDiff().addListener((ListChangeListener<ConfigDiff>) c -> rebuild.run());
        rebuild.run();
        return t;
    }

    /** What "Export run" does with (run id, table): the window writes it off the JavaFX thread and confirms. */
    public void setOnExportTable(java.util.function.BiConsumer<Long, String> action) {
        exportTable = action;
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

    /** The sim-vs-live band of the live runs' spread (the "Live band" tab). */
    public LiveBandChart liveBand() {
        return liveBand;
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
