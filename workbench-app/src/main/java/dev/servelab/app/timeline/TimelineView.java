package dev.servelab.app.timeline;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * Per-token timeline: an iteration Gantt per replica above request rows, cluster events as purple lines.
 * Wheel zooms time at the pointer, drag pans (time and rows), Ctrl+wheel changes row height around the
 * pointer, hover names the token; "go to request" and the slowest-requests list jump to a request's row,
 * and the visible window exports as a Chrome-trace (Perfetto) file.
 */
public final class TimelineView extends BorderPane {
    private final TimelineCanvas canvas;
    private final TimelineViewModel vm;
    private final Tooltip tip = new Tooltip();
    private final TextField goTo = new TextField();
    private final ToggleButton slowToggle = new ToggleButton("Slowest", new FontIcon("mdi2s-sort-descending"));
    private final TableView<SlowRequest> slowTable = new TableView<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final VBox slowPanel;
    private Runnable onExport = () -> { };
    private double dragX;
    private double dragY;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        this.canvas = new TimelineCanvas(vm);
        getStyleClass().add("timeline-view");
        slowPanel = slowPanel();
        setTop(toolbar());
        setCenter(canvas);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(this::onDrag);
        canvas.setOnMouseMoved(this::onHover);
        canvas.setOnMouseExited(e -> tip.hide());
        vm.tokensProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fit));
        if (vm.tokensProperty().get() != null) javafx.application.Platform.runLater(this::fit);
        canvas.heightProperty().addListener((o, a, b) -> {
            if (vm.rowsFitted() && vm.tokensProperty().get() != null) vm.fitRows(Math.max(50, b.doubleValue() - canvas.rowsTop()));
        });
    }

    public void fit() {
        vm.resetTime();
        vm.fitRows(Math.max(50, canvas.getHeight() - canvas.rowsTop()));
    }

    /** Two rows: commands (zoom, go to request, slowest, export) and the legend, then the run's title. */
    private VBox toolbar() {
        Button fit = button("mdi2f-fit-to-page-outline", "Whole run (0)", this::fit);
        Button in = button("mdi2m-magnify-plus-outline", "Zoom in (+)", () -> vm.zoom(0.5, 0.5));
        Button out = button("mdi2m-magnify-minus-outline", "Zoom out (−)", () -> vm.zoom(2, 0.5));
        Button tokens = button("mdi2r-ray-vertex", "Zoom to single tokens of the first request (T)", () -> vm.zoomToTokens(0, 12));
        goTo.setPromptText("go to request id");
        goTo.setId("timeline-goto");
        goTo.setPrefColumnCount(10);
        goTo.setOnAction(e -> goToTyped());
        goTo.setTooltip(new Tooltip("Type a request id and press Enter: scrolls to its row and zooms to its lifetime"));
        slowToggle.setId("timeline-slowest");
        slowToggle.setTooltip(new Tooltip("The slowest requests (by TTFT, E2EL or queueing: click a column to sort); select one to jump to its row"));
        slowToggle.selectedProperty().addListener((o, a, b) -> setRight(b ? slowPanel : null));
        Button trace = button("mdi2c-code-json", "Export the visible time window as Chrome-trace JSON (opens in ui.perfetto.dev)", () -> onExport.run());
        trace.setId("timeline-export-trace");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label help = new Label(null, new FontIcon("mdi2h-help-circle-outline"));
        help.setTooltip(new Tooltip("Wheel: zoom time at the pointer · drag: pan time and rows · Shift+wheel: scroll rows\n"
                + "Ctrl+wheel: row height (the row under the pointer stays put) · 0: whole run · T: single tokens\n"
                + "hover: request, token index and times · purple lines: cluster events (health, faults, rollout)"));
        HBox legend = new HBox(0, legend("queued", Palette.QUEUE), legend("prefill", Palette.PREFILL), legend("decode", Palette.DECODE),
                legend("token", Palette.TOKEN), legend("preempted", Palette.PREEMPT), legend("event", Palette.EVENT));
        legend.setMinWidth(Region.USE_PREF_SIZE);
        legend.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(6, fit, in, out, tokens, goTo, slowToggle, trace, spacer, legend, help);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.textProperty().bind(vm.titleProperty());
        title.getStyleClass().add("view-headline");
        title.setMinWidth(0);
        Label message = new Label();
        message.textProperty().bind(this.message);
        message.getStyleClass().add("text-muted");
        HBox second = new HBox(12, title, message);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, bar, second);
        box.setPadding(new Insets(6, 10, 6, 10));
        return box;
    }

    private void goToTyped() {
        String text = goTo.getText().trim();
        try {
            goTo(Long.parseLong(text));
        } catch (NumberFormatException e) {
            message.set("'" + text + "' is not a request id");
        }
    }

    /** Scrolls to request {@code id}'s row and zooms to its lifetime; false (and a message) when it has no row. */
    public boolean goTo(long id) {
        boolean ok = vm.goTo(id, Math.max(50, canvas.getHeight() - canvas.rowsTop()));
        message.set(ok ? "request " + id : "request " + id + " has no token times in this run (large runs sample a subset: see the slowest list)");
        return ok;
    }

    /** The slowest-requests list (shown by the toolbar's toggle). */
    private VBox slowPanel() {
        TableView<SlowRequest> t = slowTable;
        SortedList<SlowRequest> rows = new SortedList<>(vm.slowest());
        rows.comparatorProperty().bind(t.comparatorProperty());
        t.setItems(rows);
        t.getColumns().add(col("request", r -> r.requestId()));
        t.getColumns().add(col("replica", r -> r.replica()));
        TableColumn<SlowRequest, Double> ttft = col("TTFT ms", SlowRequest::ttftMs);
        t.getColumns().add(ttft);
        t.getColumns().add(col("E2EL ms", SlowRequest::e2elMs));
        t.getColumns().add(col("queue ms", SlowRequest::queueMs));
        t.setFixedCellSize(24);
        ttft.setSortType(TableColumn.SortType.DESCENDING);
        t.getSortOrder().add(ttft);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No run loaded"));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) goTo(b.requestId());
        });
        Label head = new Label("Slowest requests (with token times)");
        head.getStyleClass().add("text-muted");
        VBox box = new VBox(4, head, t);
        VBox.setVgrow(t, Priority.ALWAYS);
        box.setPadding(new Insets(4, 6, 4, 6));
        box.setPrefWidth(470);
        box.setMinWidth(470);
        return box;
    }

    private static <T> TableColumn<SlowRequest, T> col(String name, java.util.function.Function<SlowRequest, T> f) {
        TableColumn<SlowRequest, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setMinWidth(name.length() * 7.5 + 28);
        if (name.endsWith("ms")) {
            c.setCellFactory(x -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(T v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? null : String.format(Locale.ROOT, "%.1f", ((Number) v).doubleValue()));
                }
            });
            c.setStyle("-fx-alignment: CENTER-RIGHT;");
        }
        return c;
    }

    /** Sets what the export button does (the window saves the trace through its export service). */
    public void setOnExportTrace(Runnable r) {
        onExport = r;
    }

    public TextField goToField() {
        return goTo;
    }

    public ToggleButton slowestToggle() {
        return slowToggle;
    }

    public TableView<SlowRequest> slowestTable() {
        return slowTable;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    private static Button button(String icon, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("flat");
        return b;
    }

    private static Label legend(String name, Color c) {
        Label l = new Label(name, new Rectangle(12, 12, c));
        l.setPadding(new Insets(0, 8, 0, 0));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private void onScroll(ScrollEvent e) {
        double dy = e.getDeltaY() == 0 ? e.getDeltaX() : e.getDeltaY();
        if (dy == 0) return;
        if (e.isControlDown()) {
            vm.zoomRows(dy > 0 ? 1.25 : 0.8, canvas.getHeight() - canvas.rowsTop(), Math.max(0, e.getY() - canvas.rowsTop()));
        } else if (e.isShiftDown()) {
            vm.scrollRows(-dy / Math.max(1, vm.rowHeightProperty().get()));
        } else {
            double anchor = Math.max(0, Math.min(1, (e.getX() - canvas.gutter()) / canvas.plotWidth()));
            vm.zoom(dy > 0 ? 0.8 : 1.25, anchor);
        }
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        vm.pan(-(e.getX() - dragX) / canvas.plotWidth());
        vm.scrollRows(-(e.getY() - dragY) / Math.max(0.05, vm.rowHeightProperty().get()));
        dragX = e.getX();
        dragY = e.getY();
    }

    private void onHover(MouseEvent e) {
        double x = e.getX() - canvas.gutter(), y = e.getY() - canvas.rowsTop();
        TokenHit h = x < 0 || y < 0 ? null
                : vm.hit(vm.topRowProperty().get() + y / vm.rowHeightProperty().get(), vm.startNanosProperty().get() + x / canvas.plotWidth() * vm.window());
        if (h == null) {
            tip.hide();
            return;
        }
        tip.setText(describe(h));
        dev.servelab.app.sla.TipPlacement.show(tip, canvas, e.getScreenX(), e.getScreenY());
    }

    static String describe(TokenHit h) {
        String token = h.tokenIndex() < 0 ? "waiting in queue" : "token " + (h.tokenIndex() + 1) + " of " + h.tokens();
        return String.format(Locale.ROOT, "request %d · replica %d · %s (%s)%narrived %.3f s · token at %.3f s · gap %.2f ms",
                h.requestId(), h.replica(), token, h.phase(), h.arrivalNanos() / 1e9, h.tokenNanos() / 1e9, h.gapNanos() / 1e6);
    }

    public TimelineCanvas canvas() {
        return canvas;
    }
}
