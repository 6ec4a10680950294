package dev.servelab.app.timeline;

import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.TokenTable;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Arrays;
import java.util.List;

/**
 * The per-token timeline's data and visible window: a time range in ns, the first visible request
 * row and the row height in pixels. Zoom and pan only change these numbers; the view draws from them.
 */
public final class TimelineViewModel {
    public static final long MIN_WINDOW_NANOS = 100_000;
    private final ReadOnlyObjectWrapper<TokenTable> tokens = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<IterationTable>> iterations = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No run loaded");
    private final ReadOnlyDoubleWrapper startNanos = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper endNanos = new ReadOnlyDoubleWrapper(1e9);
    private final ReadOnlyDoubleWrapper topRow = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper rowHeight = new ReadOnlyDoubleWrapper(10);
    /** True while the rows are fitted to the height (until the user scrolls or resizes rows). */
    private boolean rowsFitted = true;
    private final ReadOnlyIntegerWrapper highlighted = new ReadOnlyIntegerWrapper(-1);
    private final javafx.collections.ObservableList<SlowRequest> slowest = javafx.collections.FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<dev.servelab.engine.model.ClusterEvent>> events = new ReadOnlyObjectWrapper<>(List.of());

    /** The slowest requests with a timeline row ({@link SlowRequest#of}); set with the run. */
    public javafx.collections.ObservableList<SlowRequest> slowest() {
        return javafx.collections.FXCollections.unmodifiableObservableList(slowest);
    }

    /** The run's cluster events (health changes, faults, rollout stages), drawn as markers. */
    public ReadOnlyObjectProperty<List<dev.servelab.engine.model.ClusterEvent>> eventsProperty() {
        return events.getReadOnlyProperty();
    }

    /** Sets the slowest-requests list and the cluster events of the run shown (computed while it loaded). */
    public void showExtras(List<SlowRequest> slow, List<dev.servelab.engine.model.ClusterEvent> clusterEvents) {
        slowest.setAll(slow);
        events.set(List.copyOf(clusterEvents));
    }
    private PoolLabels pools = PoolLabels.of(new String[0]);
    private long dataStart;
    private List<GanttLod> lods = List.of();
    private long dataEnd = 1_000_000_000L;

    /** The request rows and their token times of the run shown, or null. */
    public ReadOnlyObjectProperty<TokenTable> tokensProperty() {
        return tokens.getReadOnlyProperty();
    }

    /** Each replica's iterations (the Gantt lanes). */
    public ReadOnlyObjectProperty<List<IterationTable>> iterationsProperty() {
        return iterations.getReadOnlyProperty();
    }

    /** The run shown, in one line. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The visible window's start, in ns of run time. */
    public ReadOnlyDoubleProperty startNanosProperty() {
        return startNanos.getReadOnlyProperty();
    }

    /** The visible window's end, in ns of run time. */
    public ReadOnlyDoubleProperty endNanosProperty() {
        return endNanos.getReadOnlyProperty();
    }

    /** The first visible request row (fractional while scrolling). */
    public ReadOnlyDoubleProperty topRowProperty() {
        return topRow.getReadOnlyProperty();
    }

    /** The height of a request row in pixels. */
    public ReadOnlyDoubleProperty rowHeightProperty() {
        return rowHeight.getReadOnlyProperty();
    }

    /** True while the rows are fitted to the height (until the user scrolls or resizes rows). */
    public boolean rowsFitted() {
        return rowsFitted;
    }

    public void show(TokenTable t, List<IterationTable> its) {
        show(t, its, new String[0]);
    }

    /**
     * Shows a run; {@code replicaPools[i]} names replica {@code i}'s pool (see
     * {@link dev.servelab.app.data.PoolNames}). Set before the tokens, so a repaint sees both.
     */
    public void show(TokenTable t, List<IterationTable> its, String[] replicaPools) {
        show(t, its, replicaPools, title.get());
    }

    /** As {@link #show(TokenTable, List, String[])}, titled {@code title}. */
    public void show(TokenTable t, List<IterationTable> its, String[] replicaPools, String title) {
        pools = PoolLabels.of(replicaPools);
        tokens.set(t);
        iterations.set(its);
        dataStart = 0;
        dataEnd = 1;
        for (int r = 0; r < t.rows(); r++) dataEnd = Math.max(dataEnd, t.lastToken(r));
        for (IterationTable it : its) if (it.size() > 0) dataEnd = Math.max(dataEnd, it.end()[it.size() - 1]);
        List<GanttLod> l = new java.util.ArrayList<>();
        for (IterationTable it : its) l.add(GanttLod.of(it, dataEnd));
        lods = List.copyOf(l);
        resetTime();
        topRow.set(0);
        highlighted.set(-1);
        this.title.set(title);
    }

    public void resetTime() {
        startNanos.set(dataStart);
        endNanos.set(dataEnd + (dataEnd - dataStart) * 0.01);
    }

    /** Sets the row height so that all rows fit in {@code heightPx}. */
    public void fitRows(double heightPx) {
        int rows = rows();
        rowsFitted = true;
        topRow.set(0);
        rowHeight.set(rows == 0 ? 10 : Math.max(0.05, Math.min(16, heightPx / rows)));
    }

    /** Each replica's iterations on a time grid, for zoomed-out frames. */
    List<GanttLod> lods() {
        return lods;
    }

    /** The pool of each replica, with a colour each; empty unless the run has two pools or more. */
    public PoolLabels pools() {
        return pools;
    }

    public int rows() {
        return tokens.get() == null ? 0 : tokens.get().rows();
    }

    public double window() {
        return endNanos.get() - startNanos.get();
    }

    /** Zooms time by {@code factor} (&lt;1 zooms in) keeping the point at {@code anchor} (0..1 of width) fixed. */
    public void zoom(double factor, double anchor) {
        double w = window();
        double nw = Math.max(MIN_WINDOW_NANOS, Math.min(w * factor, (dataEnd - dataStart) * 1.5 + MIN_WINDOW_NANOS));
        double at = startNanos.get() + anchor * w;
        setWindow(at - anchor * nw, at - anchor * nw + nw);
    }

    /** Moves the window by a fraction of its width (positive = later). */
    public void pan(double fraction) {
        double d = fraction * window();
        setWindow(startNanos.get() + d, endNanos.get() + d);
    }

    public void scrollRows(double rowsDelta) {
        if (rowsDelta != 0) rowsFitted = false;
        topRow.set(Math.max(0, Math.min(Math.max(0, rows() - 1), topRow.get() + rowsDelta)));
    }

    public void zoomRows(double factor, double heightPx) {
        zoomRows(factor, heightPx, 0);
    }

    /**
     * Changes the row height by {@code factor}, keeping the row under {@code anchorPx} (pixels below the
     * first row's top) where it is, so the rows the user looks at stay under the pointer.
     */
    public void zoomRows(double factor, double heightPx, double anchorPx) {
        rowsFitted = false;
        double old = rowHeight.get();
        double anchorRow = topRow.get() + anchorPx / old;
        rowHeight.set(Math.max(0.05, Math.min(40, old * factor)));
        if (rows() * rowHeight.get() <= heightPx) topRow.set(0);
        else topRow.set(Math.max(0, Math.min(Math.max(0, rows() - 1), anchorRow - anchorPx / rowHeight.get())));
    }

    /** The row of request {@code requestId} in the token table, or -1 when the run did not sample its token times. */
    public int rowOf(long requestId) {
        TokenTable t = tokens.get();
        if (t == null) return -1;
        long[] ids = t.requestId();
        for (int r = 0; r < t.rows(); r++) if (ids[r] == requestId) return r;
        return -1;
    }

    /**
     * Shows request {@code requestId}: its row highlighted, scrolled to a third of the height, readable row
     * height, the time window from its arrival to its last token (with a margin). False when the run has no
     * token times of that request (large runs sample a subset).
     */
    public boolean goTo(long requestId, double heightPx) {
        int r = rowOf(requestId);
        if (r < 0) return false;
        TokenTable t = tokens.get();
        rowsFitted = false;
        rowHeight.set(Math.max(rowHeight.get(), 14));
        topRow.set(Math.max(0, r - heightPx / rowHeight.get() / 3));
        long from = t.arrival()[r], to = Math.max(from + MIN_WINDOW_NANOS, t.lastToken(r));
        double pad = (to - from) * 0.15;
        setWindow(from - pad, to + pad);
        highlighted.set(r);
        return true;
    }

    /** The highlighted row (a request gone to), or -1. */
    public ReadOnlyIntegerProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** Zooms to the first {@code n} tokens of a row, with readable rows around it: the "single tokens" view. */
    public void zoomToTokens(int row, int n) {
        TokenTable t = tokens.get();
        if (t == null || row >= t.rows() || t.tokens(row) == 0) return;
        int s = t.start()[row];
        long from = t.firstScheduled()[row];
        long to = t.times()[Math.min(s + n, t.start()[row + 1] - 1)];
        double pad = (to - from) * 0.08;
        setWindow(from - pad, to + pad);
        rowHeight.set(22);
        topRow.set(Math.max(0, row - 3));
        rowsFitted = false;
    }

    /** Shows the time window from {@code start} to {@code end} ns (at least {@link #MIN_WINDOW_NANOS} wide). */
    public void setWindow(double start, double end) {
        startNanos.set(start);
        endNanos.set(Math.max(start + MIN_WINDOW_NANOS, end));
    }

    /** The token nearest to time {@code t} in the row at fractional index {@code row}, or null. */
    public TokenHit hit(double row, double t) {
        TokenTable tt = tokens.get();
        int r = (int) Math.floor(row);
        if (tt == null || r < 0 || r >= tt.rows()) return null;
        int s = tt.start()[r], e = tt.start()[r + 1];
        long arrival = tt.arrival()[r];
        if (t < arrival || e == s || t > tt.times()[e - 1] + window() * 0.01) return null;
        if (t < tt.firstScheduled()[r]) return new TokenHit(r, tt.requestId()[r], tt.replica()[r], -1, e - s, arrival, (long) t, 0, "queueing");
        if (t < tt.times()[s]) return new TokenHit(r, tt.requestId()[r], tt.replica()[r], 0, e - s, arrival, tt.times()[s], tt.times()[s] - arrival, "prefill");
        int i = Arrays.binarySearch(tt.times(), s, e, (long) t);
        if (i < 0) i = -i - 1;
        if (i >= e) i = e - 1;
        if (i > s && Math.abs(tt.times()[i - 1] - t) < Math.abs(tt.times()[i] - t)) i--;
        long gap = i == s ? tt.times()[i] - arrival : tt.times()[i] - tt.times()[i - 1];
        return new TokenHit(r, tt.requestId()[r], tt.replica()[r], i - s, e - s, arrival, tt.times()[i], gap, "decode");
    }
}
