package dev.servelab.app.experiments;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Supplier;

/**
 * The left side of the Experiments tab: the experiment being composed for the open pipeline — its axes
 * (added with "Vary" in the property sheet, or typed here; values editable in place), constraints,
 * objective, seeds, search, requests per point and workers — and Run / Cancel with a progress bar.
 */
final class ComposerPane extends VBox {
    private final ExperimentsViewModel vm;
    private final ExperimentDraft draft;
    private final TableView<AxisDraft> axes = new TableView<>();
    private final VBox constraints = new VBox(4);
    private final Label pipeline = new Label();
    private final Label count = new Label();
    private final Button run = new Button("Run experiment", new FontIcon("mdi2p-play"));
    private final Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop"));
    private final Spinner<Integer> parallel;

    ComposerPane(ExperimentsViewModel vm, Supplier<PipelineSource> source) {
        this.vm = vm;
        this.draft = vm.draft();
        getStyleClass().add("experiment-composer");
        setSpacing(8);
        setPadding(new Insets(10));
        Label head = new Label("New experiment");
        head.getStyleClass().add("view-headline");
        pipeline.getStyleClass().add("text-muted");
        pipeline.setWrapText(true);
        TextField name = new TextField();
        name.setId("experiment-name");
        name.setPromptText("name (default: PIPELINE-sweep)");
        name.textProperty().bindBidirectional(draft.name());
        parallel = new Spinner<>(1, Math.max(1, Runtime.getRuntime().availableProcessors()), Runtime.getRuntime().availableProcessors());
        getChildren().addAll(head, pipeline, name, section("Axes"), axesTable(), addAxisRow(), hint(), section("Constraints"),
                constraints, addConstraint(), section("Objective and search"), settings(), count, buttons(), progress());
        rebuildConstraints();
        draft.constraints().addListener((ListChangeListener<ConstraintDraft>) c -> rebuildConstraints());
        draft.axes().addListener((ListChangeListener<AxisDraft>) c -> counted());
        draft.seeds().addListener(o -> counted());
        draft.search().addListener(o -> counted());
        draft.searchPoints().addListener(o -> counted());
        counted();
        run.setDefaultButton(false);
        run.getStyleClass().add("accent");
        run.setId("experiment-run");
        run.disableProperty().bind(vm.running().or(Bindings.isEmpty(draft.axes())));
        cancel.setId("experiment-cancel");
        cancel.disableProperty().bind(vm.running().not());
        run.setOnAction(e -> {
            PipelineSource s = source.get();
            vm.run(s, parallel.getValue());
        });
        cancel.setOnAction(e -> vm.cancel());
        sourceShown(source);
    }

    /** Says which pipeline the experiment varies (called when the tab is shown). */
    void sourceShown(Supplier<PipelineSource> source) {
        PipelineSource s = source.get();
        pipeline.setText("varies " + (s.file() == null ? "the open pipeline (unsaved)" : s.file().getFileName() + " as open in the editor")
                + ". Right-click a number or choice in the Pipeline tab's property sheet and pick Vary to add an axis.");
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("composer-section");
        return l;
    }

    private TableView<AxisDraft> axesTable() {
        axes.setId("experiment-axes");
        axes.setItems(draft.axes());
        axes.setEditable(true);
        axes.setPrefHeight(150);
        axes.setPlaceholder(new Label("No axes yet"));
        TableColumn<AxisDraft, String> path = new TableColumn<>("Field");
        path.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().path()));
        path.setPrefWidth(200);
        TableColumn<AxisDraft, String> values = new TableColumn<>("Values");
        values.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().values()));
        values.setCellFactory(TextFieldTableCell.forTableColumn());
        values.setOnEditCommit(e -> draft.addAxis(new AxisDraft(e.getRowValue().path(), e.getNewValue())));
        values.setPrefWidth(140);
        TableColumn<AxisDraft, AxisDraft> remove = new TableColumn<>("");
        remove.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue()));
        remove.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(AxisDraft a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setGraphic(null);
                    return;
                }
                Button x = new Button("", new FontIcon("mdi2c-close"));
                x.getStyleClass().addAll("flat", "small");
                x.setOnAction(e -> draft.axes().remove(a));
                setGraphic(x);
            }
        });
        remove.setPrefWidth(36);
        axes.getColumns().setAll(java.util.List.of(path, values, remove));
        axes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return axes;
    }

    private HBox addAxisRow() {
        TextField path = new TextField();
        path.setPromptText("pools.0.replicas");
        TextField values = new TextField();
        values.setPromptText("1, 2, 4");
        Button add = new Button("Add");
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> {
            if (path.getText().isBlank() || values.getText().isBlank()) return;
            draft.addAxis(new AxisDraft(path.getText().strip(), values.getText().strip()));
            path.clear();
            values.clear();
        });
        HBox.setHgrow(path, Priority.ALWAYS);
        HBox.setHgrow(values, Priority.ALWAYS);
        return new HBox(4, path, values, add);
    }

    private static Label hint() {
        Label l = new Label("Any field by its dotted path, as in sweep files and run --set; values as a, b, c or 1..16 (step 2).");
        l.getStyleClass().addAll("text-muted", "text-small");
        l.setWrapText(true);
        return l;
    }

    private void rebuildConstraints() {
        constraints.getChildren().clear();
        for (int i = 0; i < draft.constraints().size(); i++) {
            int at = i;
            ConstraintDraft c = draft.constraints().get(i);
            ComboBox<String> metric = new ComboBox<>();
            metric.getItems().setAll(ExperimentDraft.metrics());
            metric.setValue(c.metric());
            metric.setMaxWidth(Double.MAX_VALUE);
            Label op = new Label(c.metric() != null && dev.servelab.experiments.sweep.SweepMetrics.lowerIsBetter(c.metric()) ? "≤" : "≥");
            TextField bound = new TextField(c.bound());
            bound.setPrefColumnCount(5);
            metric.valueProperty().addListener((o, a, b) -> draft.constraints().set(at, new ConstraintDraft(b, bound.getText())));
            bound.focusedProperty().addListener((o, was, is) -> {
                if (!is && !bound.getText().equals(c.bound())) draft.constraints().set(at, new ConstraintDraft(metric.getValue(), bound.getText()));
            });
            bound.setOnAction(e -> draft.constraints().set(at, new ConstraintDraft(metric.getValue(), bound.getText())));
            Button x = new Button("", new FontIcon("mdi2c-close"));
            x.getStyleClass().addAll("flat", "small");
            x.setOnAction(e -> draft.constraints().remove(at));
            HBox.setHgrow(metric, Priority.ALWAYS);
            HBox row = new HBox(4, metric, op, bound, x);
            row.setAlignment(Pos.CENTER_LEFT);
            constraints.getChildren().add(row);
        }
    }

    private Button addConstraint() {
        Button b = new Button("Add constraint", new FontIcon("mdi2p-plus"));
        b.getStyleClass().addAll("flat", "small");
        b.setOnAction(e -> draft.constraints().add(new ConstraintDraft("slo_attainment", "0.99")));
        return b;
    }

    private GridPane settings() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.getColumnConstraints().addAll(new ColumnConstraints(110), new ColumnConstraints());
        g.getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        ComboBox<String> direction = new ComboBox<>();
        direction.getItems().setAll("minimize", "maximize", "none");
        direction.valueProperty().bindBidirectional(draft.objectiveDirection());
        direction.setPrefWidth(118);
        direction.setMinWidth(118);
        ComboBox<String> metric = new ComboBox<>();
        metric.getItems().setAll(ExperimentDraft.metrics());
        metric.valueProperty().bindBidirectional(draft.objectiveMetric());
        metric.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(metric, Priority.ALWAYS);
        g.addRow(0, new Label("Objective"), new HBox(4, direction, metric));
        TextField seeds = new TextField();
        seeds.setPromptText("the pipeline's seed");
        seeds.textProperty().bindBidirectional(draft.seeds());
        g.addRow(1, new Label("Seeds"), seeds);
        ComboBox<ExperimentDraft.SearchKind> search = new ComboBox<>();
        search.getItems().setAll(ExperimentDraft.SearchKind.values());
        search.valueProperty().bindBidirectional(draft.search());
        search.setConverter(new javafx.util.StringConverter<>() {
            public String toString(ExperimentDraft.SearchKind k) {
                return k == null ? "" : k.name().toLowerCase(java.util.Locale.ROOT);
            }

            public ExperimentDraft.SearchKind fromString(String s) {
                return ExperimentDraft.SearchKind.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            }
        });
        Spinner<Integer> n = new Spinner<>(1, 100_000, draft.searchPoints().get());
        n.setEditable(true);
        n.setPrefWidth(90);
        n.valueProperty().addListener((o, a, b) -> draft.searchPoints().set(b));
        n.disableProperty().bind(draft.search().isEqualTo(ExperimentDraft.SearchKind.GRID));
        g.addRow(2, new Label("Search"), new HBox(4, search, n, new Label("points")));
        Spinner<Integer> requests = new Spinner<>(0, 100_000_000, (int) draft.requests().get(), 100);
        requests.setEditable(true);
        requests.setPrefWidth(110);
        requests.valueProperty().addListener((o, a, b) -> draft.requests().set(b));
        g.addRow(3, new Label("Requests"), new HBox(4, requests, new Label("per point (0 = all)")));
        parallel.setPrefWidth(80);
        g.addRow(4, new Label("Workers"), new HBox(4, parallel, new Label("points at a time")));
        for (var node : g.getChildren()) if (node instanceof HBox h) h.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private void counted() {
        String text;
        try {
            long grid = draft.gridPoints();
            text = draft.axes().isEmpty() ? "Add an axis to run an experiment"
                    : draft.search().get() == ExperimentDraft.SearchKind.GRID ? String.format(java.util.Locale.ROOT, "%,d points (grid)", grid)
                    : String.format(java.util.Locale.ROOT, "%,d of %,d points (%s)", Math.min(grid, draft.searchPoints().get()), grid,
                    draft.search().get().name().toLowerCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            text = e.getMessage();
        }
        count.setText(text);
    }

    private HBox buttons() {
        HBox b = new HBox(6, run, cancel);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    private VBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("experiment-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progress());
        Label text = new Label();
        text.setId("experiment-progress-text");
        text.setWrapText(true);
        text.textProperty().bind(vm.progressText());
        return new VBox(4, bar, text);
    }

    TableView<AxisDraft> axes() {
        return axes;
    }

    Button runButton() {
        return run;
    }

    Button cancelButton() {
        return cancel;
    }
}
