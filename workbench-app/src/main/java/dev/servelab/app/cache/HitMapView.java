package dev.servelab.app.cache;

import dev.servelab.app.sla.Charts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** Heat map of prefix-cache hit ratio, KV-cache usage over time, and the requests of the clicked cell. */
public final class HitMapView extends BorderPane {
    private final HeatMapCanvas heatMap;
    private final LineChart<Number, Number> kvChart = Charts.line("KV-cache usage", "time (s)", "blocks in use (%)");
    private final TableView<CellRequest> table = new TableView<>();

    public HitMapView(HitMapViewModel vm) {
        getStyleClass().add("hitmap-view");
        heatMap = new HeatMapCanvas(vm, vm::select);
        Charts.bind(kvChart, vm.kvUsage(), null);
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("view-headline");
        Label sel = new Label();
        sel.textProperty().bind(vm.selectionProperty());
        VBox map = new VBox(6, title, heatMap, sel);
        map.setPadding(new Insets(8, 12, 8, 12));
        VBox.setVgrow(heatMap, javafx.scene.layout.Priority.ALWAYS);
        heatMap.setMinHeight(140);
        SortedList<CellRequest> rows = new SortedList<>(vm.cellRequests());
        rows.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(rows);
        table.getColumns().add(col("request", CellRequest::requestId));
        table.getColumns().add(col("arrival (s)", r -> String.format("%.3f", r.arrivalS())));
        table.getColumns().add(col("prompt", CellRequest::promptTokens));
        table.getColumns().add(col("cached", CellRequest::cachedTokens));
        table.getColumns().add(col("hit %", r -> String.format("%.1f", r.hitRatio() * 100)));
        table.getColumns().add(col("TTFT (ms)", r -> String.format("%.1f", r.ttftMs())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No cell selected"));
        SplitPane bottom = new SplitPane(kvChart, table);
        bottom.setDividerPositions(0.6);
        SplitPane split = new SplitPane(map, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private static <T> TableColumn<CellRequest, T> col(String name, Function<CellRequest, T> f) {
        TableColumn<CellRequest, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    public HeatMapCanvas heatMap() {
        return heatMap;
    }

    public LineChart<Number, Number> kvChart() {
        return kvChart;
    }

    public TableView<CellRequest> table() {
        return table;
    }
}
