package dev.servelab.app.cache;

import dev.servelab.engine.store.BucketTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.app.sla.Curve;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

/**
 * The cache hit map: prefix-cache hit ratio per replica × time bucket, KV usage over time per
 * replica, and the requests of the selected cell (those whose first scheduling fell in it).
 */
public final class HitMapViewModel {
    private final ReadOnlyObjectWrapper<BucketTable> buckets = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Curve> kvUsage = FXCollections.observableArrayList();
    private final ObservableList<Curve> kvUsageView = FXCollections.unmodifiableObservableList(kvUsage);
    private final ObservableList<CellRequest> cellRequests = FXCollections.observableArrayList();
    private final ObservableList<CellRequest> cellRequestsView = FXCollections.unmodifiableObservableList(cellRequests);
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper("Click a cell to list its requests");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Prefix-cache hit ratio per replica and time bucket");
    private final ReadOnlyObjectWrapper<int[]> selected = new ReadOnlyObjectWrapper<>();
    private RequestTable requests;

    /** The per-replica, per-bucket counters of the run shown, or null. */
    public ReadOnlyObjectProperty<BucketTable> bucketsProperty() {
        return buckets.getReadOnlyProperty();
    }

    /** KV-cache usage over time, one curve per replica (read-only). */
    public ObservableList<Curve> kvUsage() {
        return kvUsageView;
    }

    /** The requests of the selected cell (read-only). */
    public ObservableList<CellRequest> cellRequests() {
        return cellRequestsView;
    }

    /** The overall hit ratio, or the selected cell, in one line. */
    public ReadOnlyStringProperty selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The selected cell as {replica, bucket}, or null. */
    public ReadOnlyObjectProperty<int[]> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void show(BucketTable b, RequestTable r, String run) {
        title.set("Prefix-cache hit ratio per replica and " + (long) (b.bucketSeconds() * 1000) + " ms bucket — " + run);
        show(b, r);
    }

    public void show(BucketTable b, RequestTable r) {
        requests = r;
        selected.set(null);
        buckets.set(b);
        cellRequests.clear();
        kvUsage.clear();
        for (int rep = 0; rep < b.replicas(); rep++) {
            double[] x = new double[b.buckets()], y = new double[b.buckets()];
            for (int k = 0; k < b.buckets(); k++) {
                x[k] = (k + 0.5) * b.bucketSeconds();
                y[k] = b.kvUsage()[rep][k] * 100;
            }
            kvUsage.add(new Curve("replica " + rep, x, y));
        }
        long lookups = 0, hits = 0;
        for (int rep = 0; rep < b.replicas(); rep++) {
            for (int k = 0; k < b.buckets(); k++) {
                lookups += b.lookup()[rep][k];
                hits += b.hit()[rep][k];
            }
        }
        selection.set(String.format(Locale.ROOT, "Overall hit ratio %.1f %% (%,d of %,d prompt tokens). Click a cell to list its requests.",
                lookups == 0 ? 0.0 : 100.0 * hits / lookups, hits, lookups));
    }

    public void select(int replica, int bucket) {
        BucketTable b = buckets.get();
        if (b == null || replica < 0 || replica >= b.replicas() || bucket < 0 || bucket >= b.buckets()) return;
        selected.set(new int[]{replica, bucket});
        long from = bucket * b.bucketNanos(), to = from + b.bucketNanos();
        cellRequests.clear();
        for (int i = 0; i < requests.size(); i++) {
            long s = requests.firstScheduled()[i];
            if (requests.replica()[i] == replica && s >= from && s < to) {
                double ttft = requests.firstToken()[i] < 0 ? Double.NaN : requests.ttftMs(i);
                cellRequests.add(new CellRequest(requests.id()[i], requests.arrival()[i] / 1e9, requests.prompt()[i],
                        requests.cached()[i], ttft));
            }
        }
        double ratio = b.hitRatio(replica, bucket);
        selection.set(String.format(Locale.ROOT, "replica %d · %.1f–%.1f s · hit ratio %s · %d requests scheduled",
                replica, from / 1e9, to / 1e9, Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", ratio * 100),
                cellRequests.size()));
    }
}
