package dev.servelab.app.experiments;

import dev.servelab.experiments.plot.HeatGrid;
import dev.servelab.experiments.store.ExperimentInfo;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The Experiments tab. Left: the experiment being composed for the open pipeline ({@link ComposerPane}),
 * run with live progress. Right: a stored experiment picked from the store (or the one running), its
 * points in a sortable table, a Pareto chart of any two metrics and a heat map of two varied fields
 * against a metric, all refilled as points arrive. Double-clicking a row (or Enter), or clicking a
 * chart dot, opens the point's run in the SLA view.
 */
public final class ExperimentsView extends BorderPane {
    static final String CSS = ExperimentsView.class.getResource("experiments.css").toExternalForm();
    private final ExperimentsViewModel vm;
    private final LongConsumer openRun;
    private final ComboBox<ExperimentInfo> experiment = new ComboBox<>();
    private final TableView<PointRow> table = new TableView<>();
    private final ParetoChart chart;
    private final AxisHeatMap heat = new AxisHeatMap();
    private final ComboBox<String> xs;
    private final ComboBox<String> ys;
    private final ComboBox<String> heatX = new ComboBox<>();
    private final ComboBox<String> heatY = new ComboBox<>();
    private final ComboBox<String> heatMetric;
    private final javafx.scene.control.CheckBox fit = new javafx.scene.control.CheckBox("fit feasible");
    private final ComposerPane composer;
    private final Supplier<PipelineSource> source;
    private boolean choosing;

    public ExperimentsView(ExperimentsViewModel vm, Supplier<PipelineSource> source, LongConsumer openRun) {
        this.vm = vm;
        this.openRun = openRun;
        this.source = source;
        getStyleClass().add("experiments-view");
        getStylesheets().add(CSS);
        chart = new ParetoChart(this::openPoint);
        composer = new ComposerPane(vm, source);
        ScrollPane left = new ScrollPane(composer);
        left.setFitToWidth(true);
        left.setPrefWidth(440);
        left.setMinWidth(340);
        setLeft(left);
        experiment.setId("experiment-choice");
        experiment.setItems(vm.experiments());
        experiment.setPrefWidth(360);
        experiment.setConverter(new StringConverter<>() {
            public String toString(ExperimentInfo e) {
                return e == null ? "" : "#" + e.experimentId() + "  " + e.name() + "  (" + e.status().dbValue() + ", " + e.pointsPlanned() + " points)";
            }

            public ExperimentInfo fromString(String s) {
                return null;
            }
        });
        experiment.valueProperty().addListener((o, was, is) -> {
            if (is != null && !choosing && is.experimentId() != vm.shown().get()) vm.selectAsync(is.experimentId());
        });
        vm.shown().addListener((o, a, b) -> showChoice(b.longValue()));
        // after the combo box's own reaction to the new items (it clears a value whose record was replaced)
        vm.experiments().addListener((ListChangeListener<ExperimentInfo>) c -> javafx.application.Platform.runLater(
                () -> showChoice(vm.shown().get())));
        Button refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setOnAction(e -> refresh());
        Button template = new Button("Copy to composer", new FontIcon("mdi2c-content-copy"));
        template.setId("experiment-adopt");
        template.disableProperty().bind(experiment.valueProperty().isNull().or(vm.running()));
        template.setOnAction(e -> adoptShown());
        Label title = new Label("Experiment");
        HBox top = new HBox(8, title, experiment, refresh, template);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8, 10, 8, 10));
        xs = metricBox(vm.x());
        ys = metricBox(vm.y());
        xs.valueProperty().addListener(o -> plot());
        ys.valueProperty().addListener(o -> plot());
        heatMetric = metricBox("p99_ttft_ms");
        heatX.setId("heat-x");
        heatY.setId("heat-y");
        heatMetric.setId("heat-metric");
        for (ComboBox<String> b : List.of(heatX, heatY, heatMetric)) b.valueProperty().addListener(o -> heat());
        for (ComboBox<String> b : List.of(heatX, heatY)) {
            b.setPrefWidth(150);
            b.setMinWidth(110);
            b.setConverter(new StringConverter<>() {
                public String toString(String path) {
                    return path == null ? "" : path.substring(path.lastIndexOf('.') + 1);
                }

                public String fromString(String s) {
                    return s;
                }
            });
        }
        heatMetric.setPrefWidth(160);
        fit.setMinWidth(Region.USE_PREF_SIZE);
        fit.setTooltip(new javafx.scene.control.Tooltip("Fit the axes to the feasible points and the points near them"));
        fit.setId("pareto-fit");
        fit.setSelected(true);
        fit.selectedProperty().addListener(o -> plot());
        columns();
        table.setId("experiment-points");
        table.setItems(vm.points());
        table.setPlaceholder(new Label("No points yet: compose an experiment on the left and run it, or pick a stored one"));
        table.setRowFactory(t -> {
            TableRow<PointRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) open(row.getItem());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            PointRow r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) open(r);
        });
        vm.points().addListener((ListChangeListener<PointRow>) c -> {
            axesChoices();
            plot();
            heat();
        });
        chart.setTitle(null);
        VBox pareto = new VBox(4, row(new Label("Pareto"), new Label("x"), xs, new Label("y"), ys, fit), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox heatPane = new VBox(4, row(new Label("Heat map"), heatX, new Label("×"), heatY, new Label("of"), heatMetric), heat);
        VBox.setVgrow(heat, Priority.ALWAYS);
        heatPane.setPadding(new Insets(0, 0, 0, 6));
        SplitPane charts = new SplitPane(pareto, heatPane);
        SplitPane right = new SplitPane(table, charts);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.42);
        setCenter(new BorderPane(right, top, null, null, null));
        refresh();
    }

    private static HBox row(Label head, javafx.scene.Node... rest) {
        head.getStyleClass().add("composer-section");
        head.setMinWidth(Region.USE_PREF_SIZE);
        HBox b = new HBox(6);
        b.getChildren().add(head);
        Region gap = new Region();
        gap.setMinWidth(6);
        b.getChildren().add(gap);
        b.getChildren().addAll(rest);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setPadding(new Insets(6, 6, 0, 6));
        return b;
    }

    /** Re-reads the stored experiments (off the JavaFX thread) and shows the newest when none is shown. */
    public CompletableFuture<Void> refresh() {
        composer.sourceShown(source);
        return vm.refreshAsync().thenCompose(v -> {
            long id = vm.shown().get();
            if (id < 0 && !vm.experiments().isEmpty()) id = vm.experiments().getFirst().experimentId();
            return id < 0 || vm.running().get() ? CompletableFuture.completedFuture(null) : vm.selectAsync(id);
        });
    }

    /** Shows stored experiment {@code id} (the window's {@code --experiment}); completes once its points are in the table. */
    public CompletableFuture<Void> show(long id) {
        return vm.refreshAsync().thenCompose(v -> vm.selectAsync(id));
    }

    /** Copies the shown experiment's sweep into the composer (to run it again on the open pipeline, or change it). */
    public void adoptShown() {
        if (experiment.getValue() != null) vm.adopt(experiment.getValue());
    }

    private void showChoice(long id) {
        choosing = true;
        try {
            experiment.setValue(vm.experiments().stream().filter(e -> e.experimentId() == id).findFirst().orElse(null));
        } finally {
            choosing = false;
        }
    }

    public TableView<PointRow> table() {
        return table;
    }

    public ParetoChart chart() {
        return chart;
    }

    public AxisHeatMap heatMap() {
        return heat;
    }

    /** The two metric boxes of the Pareto chart (x, y). */
    public List<ComboBox<String>> chartAxes() {
        return List.of(xs, ys);
    }

    /** The heat map's boxes: x field, y field, metric. */
    public List<ComboBox<String>> heatChoices() {
        return List.of(heatX, heatY, heatMetric);
    }

    public Button runButton() {
        return composer.runButton();
    }

    public Button cancelButton() {
        return composer.cancelButton();
    }

    public TableView<AxisDraft> axesTable() {
        return composer.axes();
    }

    private ComboBox<String> metricBox(String value) {
        ComboBox<String> box = new ComboBox<>();
        box.setPrefWidth(170);
        box.getItems().setAll(vm.metricNames());
        box.setValue(value);
        box.setVisibleRowCount(16);
        return box;
    }

    /** Keeps the heat map's field choices to the shown experiment's axes (by default the first two that take several values). */
    private void axesChoices() {
        List<String> paths = vm.axisPaths();
        if (paths.equals(heatX.getItems())) return;
        heatX.getItems().setAll(paths);
        heatY.getItems().setAll(paths);
        List<String> varied = paths.stream().filter(p -> vm.points().stream().map(r -> r.values().get(p)).distinct().count() > 1).toList();
        List<String> pick = varied.size() >= 2 ? varied : paths;
        if (!paths.contains(heatX.getValue())) heatX.setValue(pick.isEmpty() ? null : pick.getFirst());
        if (!paths.contains(heatY.getValue())) heatY.setValue(pick.size() < 2 ? heatX.getValue() : pick.get(1));
    }

    private void columns() {
        TableColumn<PointRow, Number> id = new TableColumn<>("#");
        id.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().pointId()));
        id.setPrefWidth(48);
        TableColumn<PointRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().status() + (c.getValue().feasible() ? " ✓" : "")));
        status.setPrefWidth(112);
        TableColumn<PointRow, Number> run = new TableColumn<>("Run");
        run.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().runId() < 0 ? null : c.getValue().runId()));
        run.setPrefWidth(58);
        TableColumn<PointRow, String> params = new TableColumn<>("Parameters");
        params.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().params()));
        params.setPrefWidth(250);
        TableColumn<PointRow, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().reason() == null ? "" : c.getValue().reason()));
        reason.setPrefWidth(260);
        table.getColumns().setAll(List.of(id, status, run, metricColumn("USD/h", "cost_per_hour_usd", 76),
                metricColumn("p99 TTFT ms", "p99_ttft_ms", 124), metricColumn("p99 TPOT ms", "p99_tpot_ms", 124),
                metricColumn("SLO att.", "slo_attainment", 90), metricColumn("Goodput/GPU", "request_goodput_per_gpu", 124), params, reason));
    }

    private static TableColumn<PointRow, Number> metricColumn(String title, String key, double width) {
        TableColumn<PointRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> {
            double x = v.getValue().metric(key);
            return new SimpleObjectProperty<>(Double.isNaN(x) ? null : x);
        });
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : format(n.doubleValue()));
            }
        });
        c.setPrefWidth(width);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 100) return String.format(Locale.ROOT, "%,.1f", v);
        if (a >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private void plot() {
        if (xs.getValue() == null || ys.getValue() == null) return;
        vm.axes(xs.getValue(), ys.getValue());
        chart.show(xs.getValue(), ys.getValue(), vm.plotted(), vm.frontier(), fit.isSelected());
    }

    private void heat() {
        HeatGrid g = vm.heat(heatX.getValue(), heatY.getValue(), heatMetric.getValue());
        heat.show(g);
    }

    private void openPoint(int pointId) {
        PointRow r = vm.point(pointId);
        if (r != null) open(r);
    }

    private void open(PointRow r) {
        if (r.runId() >= 0) openRun.accept(r.runId());
    }
}
