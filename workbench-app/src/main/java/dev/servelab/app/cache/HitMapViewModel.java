package dev.servelab.app.cache;

import dev.servelab.engine.store.BucketTable;
import dev.servelab.engine.store.RequestTable;
import dev.servelab.app.sla.Curve;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

/**
 * The cache hit map: prefix-cache hit ratio per replica × time bucket (zoomed and panned in time),
 * KV usage over the visible time, one line per selected replica, and the requests of the selected cell
 * (those whose first scheduling fell in it). With tiered KV offload the cells can show which tier the hits came from
 * ({@link #byTierProperty()}).
 */
public final class HitMapViewModel {
    /** Points per KV-usage line at most: a chart of a few hundred pixels shows no more. */
    static final int KV_POINTS = 600;
    /** Replicas drawn in the KV chart when a run opens. */
    static final int DEFAULT_KV_LINES = 2;
    private final ReadOnlyObjectWrapper<BucketTable> buckets = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Curve> kvUsage = FXCollections.observableArrayList();
    private final ObservableList<Curve> kvUsageView = FXCollections.unmodifiableObservableList(kvUsage);
    private final ObservableList<CellRequest> cellRequests = FXCollections.observableArrayList();
    private final ObservableList<CellRequest> cellRequestsView = FXCollections.unmodifiableObservableList(cellRequests);
    private final ReadOnlyStringWrapper selection = new ReadOnlyStringWrapper("Click a cell to list its requests");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Prefix-cache hit ratio per replica and time bucket");
    private final ReadOnlyObjectWrapper<int[]> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> kvReplicas = FXCollections.observableArrayList();
    private final ReadOnlyDoubleWrapper fromBucket = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyDoubleWrapper toBucket = new ReadOnlyDoubleWrapper(1);
    private final javafx.beans.property.BooleanProperty byTier = new javafx.beans.property.SimpleBooleanProperty(false);
    private final javafx.beans.property.ReadOnlyBooleanWrapper hasTiers = new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private RequestTable requests;

    public HitMapViewModel() {
        kvReplicas.addListener((javafx.collections.ListChangeListener<Integer>) c -> kvCurves());
    }

    /** The replicas whose KV usage is drawn, one line each (write it: the view's replica list does). */
    public ObservableList<Integer> kvReplicas() {
        return kvReplicas;
    }

    /** The first visible bucket (fractional) of the zoomed heat map. */
    public ReadOnlyDoubleProperty fromBucketProperty() {
        return fromBucket.getReadOnlyProperty();
    }

    /** The end of the visible buckets (exclusive, fractional). */
    public ReadOnlyDoubleProperty toBucketProperty() {
        return toBucket.getReadOnlyProperty();
    }

    /** Zooms the time axis by {@code factor} (&lt; 1 zooms in, at least 4 buckets wide) keeping {@code anchor} (0..1) fixed. */
    public void zoom(double factor, double anchor) {
        BucketTable b = buckets.get();
        if (b == null) return;
        double w = toBucket.get() - fromBucket.get();
        double nw = Math.max(Math.min(4, b.buckets()), Math.min(b.buckets(), w * factor));
        double at = fromBucket.get() + anchor * w;
        window(at - anchor * nw, nw);
    }

    /** Moves the visible buckets by a fraction of their width (positive = later). */
    public void pan(double fraction) {
        double w = toBucket.get() - fromBucket.get();
        window(fromBucket.get() + fraction * w, w);
    }

    /** Shows the whole run. */
    public void resetZoom() {
        BucketTable b = buckets.get();
        fromBucket.set(0);
        toBucket.set(b == null ? 1 : Math.max(1, b.buckets()));
        kvCurves();
    }

    private void window(double from, double width) {
        BucketTable b = buckets.get();
        double f = Math.max(0, Math.min(b.buckets() - width, from));
        fromBucket.set(f);
        toBucket.set(f + width);
        kvCurves();
    }

    /** KV usage of the selected replicas over the visible buckets, at most {@link #KV_POINTS} points a line (peak per point). */
    private void kvCurves() {
        BucketTable b = buckets.get();
        if (b == null) {
            kvUsage.clear();
            return;
        }
        int from = (int) Math.floor(fromBucket.get()), to = Math.min(b.buckets(), (int) Math.ceil(toBucket.get()));
        java.util.List<Curve> out = new java.util.ArrayList<>();
        for (int rep : kvReplicas) {
            if (rep < 0 || rep >= b.replicas()) continue;
            out.add(KvLine.of("replica " + rep, b.kvUsage()[rep], from, to, b.bucketSeconds(), KV_POINTS));
        }
        kvUsage.setAll(out);
    }

    /**
     * Colour cells by the tier hits came from (GPU, CPU, disk) instead of by hit ratio; set when a run with hits from
     * a lower tier opens, and writable (the view's toggle).
     */
    public javafx.beans.property.BooleanProperty byTierProperty() {
        return byTier;
    }

    /** Whether the run shown has hits loaded from a tier below the GPU (tiered KV offload or the CPU tier). */
    public javafx.beans.property.ReadOnlyBooleanProperty hasTiersProperty() {
        return hasTiers.getReadOnlyProperty();
    }

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
        hasTiers.set(b.hasLowerTierHits());
        byTier.set(hasTiers.get());
        buckets.set(b);
        cellRequests.clear();
        fromBucket.set(0);
        toBucket.set(Math.max(1, b.buckets()));
        java.util.List<Integer> first = new java.util.ArrayList<>();
        for (int rep = 0; rep < Math.min(b.replicas(), DEFAULT_KV_LINES); rep++) first.add(rep);
        kvReplicas.setAll(first);
        long lookups = 0, hits = 0, cpu = 0, disk = 0;
        for (int rep = 0; rep < b.replicas(); rep++) {
            for (int k = 0; k < b.buckets(); k++) {
                lookups += b.lookup()[rep][k];
                hits += b.hit()[rep][k];
                cpu += b.hitCpu()[rep][k];
                disk += b.hitDisk()[rep][k];
            }
        }
        selection.set(String.format(Locale.ROOT, "Overall hit ratio %.1f %% (%,d of %,d prompt tokens)%s. Click a cell to list its requests.",
                lookups == 0 ? 0.0 : 100.0 * hits / lookups, hits, lookups, tiers(lookups, hits - cpu - disk, cpu, disk)));
    }

    public void select(int replica, int bucket) {
        if (!kvReplicas.contains(replica) && replica >= 0 && buckets.get() != null && replica < buckets.get().replicas()) {
            kvReplicas.add(replica);
        }
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
                        requests.cached()[i], ttft, requests.cachedCpu()[i], requests.cachedDisk()[i]));
            }
        }
        double ratio = b.hitRatio(replica, bucket);
        selection.set(String.format(Locale.ROOT, "replica %d · %.1f–%.1f s · hit ratio %s%s · %d requests scheduled",
                replica, from / 1e9, to / 1e9, Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", ratio * 100),
                tiers(b.lookup()[replica][bucket], b.hitGpu(replica, bucket), b.hitCpu()[replica][bucket],
                        b.hitDisk()[replica][bucket]), cellRequests.size()));
    }

    /** " (GPU a %, CPU b %, disk c % of the prompt tokens)" when the run has lower-tier hits, else empty. */
    private String tiers(long lookups, long gpu, long cpu, long disk) {
        if (!hasTiers.get() || lookups == 0) return "";
        return String.format(Locale.ROOT, " — GPU %.1f %%, CPU %.1f %%, disk %.1f %%", 100.0 * gpu / lookups,
                100.0 * cpu / lookups, 100.0 * disk / lookups);
    }
}
