package dev.servelab.app.experiments;

import dev.servelab.experiments.plot.Pareto;
import dev.servelab.experiments.store.ExperimentInfo;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.LongConsumer;

/**
 * The Experiments tab: pick a stored experiment, sort its points in a table, plot two metrics (feasible
 * points, the others, and the Pareto frontier as three series); double-click a point to open its run.
 */
public final class ExperimentsView extends BorderPane {
    private final ExperimentsViewModel vm;
    private final ComboBox<ExperimentInfo> experiment = new ComboBox<>();
    private final TableView<PointRow> table = new TableView<>();
    private final ScatterChart<Number, Number> chart = new ScatterChart<>(new NumberAxis(), new NumberAxis());

    public ExperimentsView(ExperimentsViewModel vm, LongConsumer openRun) {
        this.vm = vm;
        getStyleClass().add("experiments-view");
        experiment.setItems(vm.experiments());
        experiment.setConverter(new StringConverter<>() {
            public String toString(ExperimentInfo e) {
                return e == null ? "" : e.experimentId() + "  " + e.name() + "  (" + e.status().dbValue() + ")";
            }

            public ExperimentInfo fromString(String s) {
                return null;
            }
        });
        experiment.valueProperty().addListener((o, was, is) -> {
            if (is != null) vm.select(is.experimentId());
            plot();
        });
        ComboBox<String> xs = metricBox(vm.x());
        ComboBox<String> ys = metricBox(vm.y());
        xs.valueProperty().addListener(o -> axes(xs, ys));
        ys.valueProperty().addListener(o -> axes(xs, ys));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        setTop(new HBox(8, new Label("Experiment"), experiment, refresh, new Label("x"), xs, new Label("y"), ys));
        columns();
        table.setItems(vm.points());
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<PointRow>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null && row.getItem().runId() >= 0) openRun.accept(row.getItem().runId());
            });
            return row;
        });
        chart.setAnimated(false);
        setCenter(new SplitPane(table, chart));
        refresh();
    }

    /** Re-reads the experiments and keeps (or makes) a selection. */
    public void refresh() {
        ExperimentInfo was = experiment.getValue();
        vm.refresh();
        if (was != null) {
            vm.experiments().stream().filter(e -> e.experimentId() == was.experimentId()).findFirst().ifPresent(experiment::setValue);
        } else if (!vm.experiments().isEmpty()) {
            experiment.setValue(vm.experiments().getFirst());
        }
        if (experiment.getValue() != null) vm.select(experiment.getValue().experimentId());
        plot();
    }

    public TableView<PointRow> table() {
        return table;
    }

    public ScatterChart<Number, Number> chart() {
        return chart;
    }

    private ComboBox<String> metricBox(String value) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(vm.metricNames());
        box.setValue(value);
        return box;
    }

    private void axes(ComboBox<String> xs, ComboBox<String> ys) {
        vm.axes(xs.getValue(), ys.getValue());
        plot();
    }

    private void columns() {
        TableColumn<PointRow, Number> id = new TableColumn<>("Point");
        id.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().pointId()));
        TableColumn<PointRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().status() + (c.getValue().feasible() ? " ✓" : "")));
        TableColumn<PointRow, Number> cost = metricColumn("USD/h", "cost_per_hour_usd");
        TableColumn<PointRow, Number> ttft = metricColumn("p99 TTFT ms", "p99_ttft_ms");
        TableColumn<PointRow, Number> tpot = metricColumn("p99 TPOT ms", "p99_tpot_ms");
        TableColumn<PointRow, String> params = new TableColumn<>("Parameters");
        params.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().params()));
        TableColumn<PointRow, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().reason() == null ? "" : c.getValue().reason()));
        table.getColumns().setAll(List.of(id, status, cost, ttft, tpot, params, reason));
    }

    private static TableColumn<PointRow, Number> metricColumn(String title, String key) {
        TableColumn<PointRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new SimpleObjectProperty<>(v.getValue().metric(key)));
        return c;
    }

    private void plot() {
        XYChart.Series<Number, Number> feasible = new XYChart.Series<>();
        feasible.setName("feasible");
        XYChart.Series<Number, Number> other = new XYChart.Series<>();
        other.setName("violates constraints");
        for (Pareto.Point p : vm.plotted()) (p.feasible() ? feasible : other).getData().add(new XYChart.Data<>(p.x(), p.y()));
        XYChart.Series<Number, Number> frontier = new XYChart.Series<>();
        frontier.setName("Pareto frontier");
        for (Pareto.Point p : vm.frontier()) frontier.getData().add(new XYChart.Data<>(p.x(), p.y()));
        chart.getXAxis().setLabel(vm.x());
        chart.getYAxis().setLabel(vm.y());
        chart.getData().setAll(List.of(feasible, other, frontier));
    }
}
