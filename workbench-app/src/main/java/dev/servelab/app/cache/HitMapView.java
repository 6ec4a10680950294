package dev.servelab.app.cache;

import dev.servelab.app.sla.Charts;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Heat map of prefix-cache hit ratio (zoom and pan in time), KV-cache usage over the visible time for the
 * chosen replicas, and the requests of the clicked cell, each a jump to the request in the timeline. For a run with
 * hits from a lower KV tier, a toggle colours the cells by the tier hits came from and the table gains GPU / CPU /
 * disk cached-token columns.
 */
public final class HitMapView extends BorderPane {
    private final HeatMapCanvas heatMap;
    private final LineChart<Number, Number> kvChart = Charts.line("KV-cache usage", "time (s)", "blocks in use (%)");
    private final TableView<CellRequest> table = new TableView<>();

    private final ListView<Integer> replicas = new ListView<>();

    public HitMapView(HitMapViewModel vm) {
        this(vm, id -> { });
    }

    /** {@code openRequest}: double-click or Enter on a request row shows that request (the timeline). */
    public HitMapView(HitMapViewModel vm, LongConsumer openRequest) {
        getStyleClass().add("hitmap-view");
        heatMap = new HeatMapCanvas(vm, vm::select);
        Charts.bind(kvChart, vm.kvUsage(), null);
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("view-headline");
        Label sel = new Label();
        sel.textProperty().bind(vm.selectionProperty());
        javafx.scene.control.ToggleButton tierToggle = new javafx.scene.control.ToggleButton("Colour by tier");
        tierToggle.setId("cache-by-tier");
        tierToggle.selectedProperty().bindBidirectional(vm.byTierProperty());
        tierToggle.visibleProperty().bind(vm.hasTiersProperty());
        tierToggle.managedProperty().bind(vm.hasTiersProperty());
        tierToggle.setTooltip(new Tooltip("Each cell as the shares of its prompt tokens that hit on the GPU, came from the CPU tier,"
                + " came from the disk tier, or missed (tiered KV offload)"));
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(8, title, gap, tierToggle);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox map = new VBox(6, head, heatMap, sel);
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
        TableColumn<CellRequest, Integer> gpu = col("GPU", CellRequest::cachedGpu);
        TableColumn<CellRequest, Integer> cpu = col("CPU", CellRequest::cachedCpu);
        TableColumn<CellRequest, Integer> disk = col("disk", CellRequest::cachedDisk);
        for (TableColumn<CellRequest, Integer> c : List.of(gpu, cpu, disk)) {
            c.visibleProperty().bind(vm.hasTiersProperty());
            table.getColumns().add(c);
        }
        table.getColumns().add(col("TTFT (ms)", r -> String.format("%.1f", r.ttftMs())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No cell selected"));
        table.setRowFactory(tv -> {
            TableRow<CellRequest> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) openRequest.accept(row.getItem().requestId());
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            CellRequest r = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && r != null) openRequest.accept(r.requestId());
        });
        table.setTooltip(new Tooltip("Double-click or Enter: show the request in the timeline"));
        replicas.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        replicas.setPrefWidth(110);
        replicas.setId("cache-kv-replicas");
        replicas.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Integer r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : "replica " + r);
            }
        });
        replicas.setTooltip(new Tooltip("Replicas drawn in the KV chart, one line each (Ctrl/Shift-click for several; clicking a heat-map cell adds its replica)"));
        Runnable fill = () -> {
            List<Integer> all = new ArrayList<>();
            var b = vm.bucketsProperty().get();
            if (b != null) for (int i = 0; i < b.replicas(); i++) all.add(i);
            replicas.getItems().setAll(all);
            syncSelection(vm);
        };
        vm.bucketsProperty().addListener((o, a, b) -> fill.run());
        vm.kvReplicas().addListener((ListChangeListener<Integer>) c -> syncSelection(vm));
        fill.run();
        replicas.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Integer>) c -> {
            if (syncing) return;
            List<Integer> chosen = new ArrayList<>(replicas.getSelectionModel().getSelectedItems());
            chosen.sort(null);
            if (!chosen.equals(vm.kvReplicas())) vm.kvReplicas().setAll(chosen);
        });
        Label kvHead = new Label("KV lines");
        kvHead.getStyleClass().add("text-muted");
        VBox replicaBox = new VBox(4, kvHead, replicas);
        VBox.setVgrow(replicas, javafx.scene.layout.Priority.ALWAYS);
        replicaBox.setPadding(new Insets(6));
        BorderPane kv = new BorderPane(kvChart);
        kv.setLeft(replicaBox);
        SplitPane bottom = new SplitPane(kv, table);
        bottom.setDividerPositions(0.6);
        SplitPane split = new SplitPane(map, bottom);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    private boolean syncing;

    /** The list's selection follows the view model's replicas (a heat-map click adds one). */
    private void syncSelection(HitMapViewModel vm) {
        syncing = true;
        try {
            replicas.getSelectionModel().clearSelection();
            for (int r : vm.kvReplicas()) replicas.getSelectionModel().select(Integer.valueOf(r));
        } finally {
            syncing = false;
        }
    }

    public ListView<Integer> replicaList() {
        return replicas;
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
