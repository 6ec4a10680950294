package dev.servelab.app.runs;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.Locale;

/**
 * The comparison's delta table: a row per metric, a column per run, and each later run's change in %;
 * sim vs live, the columns are live, sim and the simulation's error in %.
 */
public final class DeltaTable extends TableView<DeltaRow> {
    private final RunsViewModel vm;

    public DeltaTable(RunsViewModel vm) {
        this.vm = vm;
        SortedList<DeltaRow> rows = new SortedList<>(vm.deltas());
        rows.comparatorProperty().bind(comparatorProperty());
        setItems(rows);
        setPlaceholder(new Label("Select two or more runs and press Compare"));
        vm.comparedLabels().addListener((ListChangeListener<String>) c -> rebuild());
        if (!vm.comparedLabels().isEmpty()) rebuild();
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
    }

    private void rebuild() {
        getColumns().clear();
        TableColumn<DeltaRow, String> m = new TableColumn<>("metric");
        m.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().metric()));
        m.setPrefWidth(170);
        getColumns().add(m);
        if (vm.simVsLiveProperty().get()) {
            getColumns().add(column(vm.comparedLabels().get(0), r -> plain(r.values().get(0))));
            getColumns().add(column(vm.comparedLabels().get(1), r -> plain(r.values().get(1))));
            getColumns().add(column("error %", r -> Double.isNaN(r.deltaPercent(1)) ? "—" : String.format(Locale.ROOT, "%+.1f %%", r.deltaPercent(1))));
            return;
        }
        for (int i = 0; i < vm.comparedLabels().size(); i++) {
            int k = i;
            TableColumn<DeltaRow, String> c = new TableColumn<>(vm.comparedLabels().get(i).split(" ")[0]);
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value(d.getValue(), k)));
            c.setPrefWidth(k == 0 ? 90 : 150);
            getColumns().add(c);
        }
    }

    private static TableColumn<DeltaRow, String> column(String title, java.util.function.Function<DeltaRow, String> f) {
        TableColumn<DeltaRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(110);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static String plain(double v) {
        return Double.isNaN(v) ? "—" : Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String value(DeltaRow r, int i) {
        String s = plain(r.values().get(i));
        if (i == 0 || Double.isNaN(r.deltaPercent(i))) return s;
        return s + String.format(Locale.ROOT, "  (%+.1f %%)", r.deltaPercent(i));
    }
}
