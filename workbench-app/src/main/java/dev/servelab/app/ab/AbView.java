package dev.servelab.app.ab;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.function.Function;

/**
 * The A/B view: the stored comparisons on the left; on the right the selected one's gate result, its
 * forest plot, the per-metric table and the per-round table with the ids of the runs (open them in the
 * Runs view).
 */
public final class AbView extends BorderPane {
    private final ListView<AbRows.Comparison> list = new ListView<>();

    public AbView(AbViewModel vm) {
        getStyleClass().add("ab-view");
        list.setId("ab-comparisons");
        list.setItems(vm.comparisons());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AbRows.Comparison c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.label());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> vm.select(is));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        Label gate = new Label();
        gate.setId("ab-gate");
        gate.textProperty().bind(vm.gate());
        gate.setWrapText(true);
        VBox detail = new VBox(8, gate, new ForestPlot(vm.metrics()), metricTable(vm), roundTable(vm));
        detail.setPadding(new Insets(8));
        SplitPane split = new SplitPane(new VBox(4, refresh, list), new ScrollPane(detail));
        split.setDividerPositions(0.28);
        setCenter(split);
        vm.refresh();
        if (!vm.comparisons().isEmpty()) list.getSelectionModel().selectFirst();
    }

    private static TableView<AbRows.Metric> metricTable(AbViewModel vm) {
        TableView<AbRows.Metric> t = new TableView<>(vm.metrics());
        t.setId("ab-metrics");
        t.getColumns().add(column("metric", AbRows.Metric::metric));
        t.getColumns().add(column("baseline", m -> fmt(m.baseline())));
        t.getColumns().add(column("candidate", m -> fmt(m.candidate())));
        t.getColumns().add(column("difference [95 % CI]", m -> fmt(m.difference()) + " [" + fmt(m.ciLow()) + ", " + fmt(m.ciHigh()) + "]"));
        t.getColumns().add(column("p adj.", m -> fmt(m.pAdjusted())));
        t.getColumns().add(column("verdict", AbRows.Metric::verdict));
        t.setPrefHeight(320);
        return t;
    }

    private static TableView<AbRows.Round> roundTable(AbViewModel vm) {
        TableView<AbRows.Round> t = new TableView<>(vm.rounds());
        t.setId("ab-rounds");
        t.getColumns().add(column("round", r -> Integer.toString(r.round())));
        t.getColumns().add(column("seed", r -> Long.toString(r.seed())));
        t.getColumns().add(column("workload", AbRows.Round::workload));
        t.getColumns().add(column("baseline run", r -> Long.toString(r.baselineRunId())));
        t.getColumns().add(column("candidate run", r -> Long.toString(r.candidateRunId())));
        t.setPrefHeight(200);
        return t;
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "–";
    }
}
