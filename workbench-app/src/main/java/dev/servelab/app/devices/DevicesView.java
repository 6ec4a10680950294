package dev.servelab.app.devices;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.Function;

/**
 * The Devices tab: registered devices with their last probe (round trip, TTFT and TPOT fits, KV
 * capacity), an Add device… dialog, and Probe, which measures the selected device on a background
 * thread while a progress bar runs and then shows the result or the error in one line.
 */
public final class DevicesView extends BorderPane {
    private final TableView<DeviceRow> table = new TableView<>();
    private final Button add = new Button("Add device…", new FontIcon("mdi2p-plus-circle-outline"));
    private final Button probe = new Button("Probe", new FontIcon("mdi2s-speedometer"));
    private final Label status = new Label();
    private final Button refresh;
    private final ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);

    public DevicesView(DevicesViewModel vm) {
        getStyleClass().add("devices-view");
        setId("devices-view");
        SortedList<DeviceRow> rows = new SortedList<>(vm.devices());
        rows.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(rows);
        table.setPlaceholder(new Label("No devices: Add device… registers one by URL (as 'servelab device add URL' does)"));
        table.getColumns().setAll(List.of(
                col("Name", 110, DeviceRow::name), col("URL", 190, DeviceRow::url), col("Dialect", 80, DeviceRow::dialect),
                col("Model", 110, DeviceRow::model), col("Key from", 140, DeviceRow::keyEnv), col("RTT", 80, DeviceRow::rtt),
                col("TTFT fit (+ RTT)", 170, DeviceRow::ttftFit), col("TPOT fit", 175, DeviceRow::tpotFit),
                col("KV capacity", 130, DeviceRow::kvCapacity), col("Last probe", 215, DeviceRow::probedAt)));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        add.setId("device-add");
        add.setOnAction(e -> new AddDeviceDialog(vm).showAndWait());
        probe.setId("device-probe");
        probe.disableProperty().bind(Bindings.or(vm.probingProperty(), table.getSelectionModel().selectedItemProperty().isNull()));
        probe.setOnAction(e -> vm.probe(table.getSelectionModel().getSelectedItem().name()));
        refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setOnAction(e -> vm.refresh());
        progress.visibleProperty().bind(vm.probingProperty());
        progress.managedProperty().bind(vm.probingProperty());
        progress.setPrefWidth(140);
        status.setId("device-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(false);
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(vm.statusProperty());
        status.setTooltip(tip);
        HBox.setHgrow(status, Priority.ALWAYS);
        for (Button b : List.of(add, probe, refresh)) b.setMinWidth(Region.USE_PREF_SIZE);
        Label home = new Label("registry: " + vm.registry().home());
        home.getStyleClass().add("text-muted");
        home.setMinWidth(0);
        HBox bar = new HBox(8, add, probe, refresh, progress, status, home);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        setTop(bar);
        setCenter(table);
        rows.addListener((javafx.collections.ListChangeListener<DeviceRow>) c -> {
            if (table.getSelectionModel().isEmpty() && !rows.isEmpty()) table.getSelectionModel().selectFirst();
        });
        vm.refresh();
        if (!vm.devices().isEmpty()) table.getSelectionModel().selectFirst();
    }

    private static TableColumn<DeviceRow, String> col(String name, double width, Function<DeviceRow, String> f) {
        TableColumn<DeviceRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public TableView<DeviceRow> table() {
        return table;
    }

    public Button add() {
        return add;
    }

    public Button probe() {
        return probe;
    }

    public Label status() {
        return status;
    }

    public Button refresh() {
        return refresh;
    }

    public ProgressBar progress() {
        return progress;
    }
}
