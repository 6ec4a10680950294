package dev.servelab.app.devices;

import dev.servelab.hw.remote.DeviceEntry;
import dev.servelab.hw.remote.DeviceProbe;
import dev.servelab.hw.remote.DeviceProfile;
import dev.servelab.hw.remote.DeviceRegistration;
import dev.servelab.hw.remote.DeviceRegistry;
import dev.servelab.hw.remote.ProbePlan;
import dev.servelab.hw.remote.StreamDialect;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.servelab.app.data.FxThreadGuard;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The device registry ({@code servelab device add|probe|list}) for the Devices tab: the registered
 * devices with their last probe, adding one (only the name of its API key's environment variable is
 * stored), and probing one on a background thread. Results and errors are handed back through
 * {@code ui} (the JavaFX thread in the window, the calling thread in tests); {@link #status} says in
 * one line what happened, naming the device.
 */
public final class DevicesViewModel {
    public static final List<String> DIALECTS = StreamDialect.ids();
    private final ObservableList<DeviceRow> devices = FXCollections.observableArrayList();
    private final ObservableList<DeviceRow> devicesView = FXCollections.unmodifiableObservableList(devices);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper probingName = new ReadOnlyStringWrapper("");
    private final DeviceRegistry registry;
    private final ProbePlan plan;
    private final Executor ui;

    private final Executor io;

    /** Reads the registry on virtual threads, never on the JavaFX thread; results come back through {@code ui}. */
    public DevicesViewModel(DeviceRegistry registry, ProbePlan plan, Executor ui) {
        this(registry, plan, ui, r -> Thread.ofVirtual().name("servelab-devices").start(r));
    }

    /** As {@link #DevicesViewModel(DeviceRegistry, ProbePlan, Executor)}, reading the registry on {@code io}. */
    public DevicesViewModel(DeviceRegistry registry, ProbePlan plan, Executor ui, Executor io) {
        this.registry = registry;
        this.plan = plan;
        this.ui = ui;
        this.io = io;
    }

    /** The registered devices with their last probe (read-only). */
    public ObservableList<DeviceRow> devices() {
        return devicesView;
    }

    /** What happened last, in one line naming the device. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a probe runs. */
    public ReadOnlyBooleanProperty probingProperty() {
        return probing.getReadOnlyProperty();
    }

    /** The device being probed, or empty. */
    public ReadOnlyStringProperty probingNameProperty() {
        return probingName.getReadOnlyProperty();
    }

    public DeviceRegistry registry() {
        return registry;
    }

    /** Re-reads {@code devices.json} and the saved profiles on the io executor; completes once the list is updated. */
    public CompletableFuture<Void> refresh() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        io.execute(() -> {
            try {
                List<DeviceRow> rows = rows();
                ui.execute(() -> {
                    devices.setAll(rows);
                    done.complete(null);
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    status.set(e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private List<DeviceRow> rows() throws IOException {
        FxThreadGuard.refuse("reading the device registry");
        List<DeviceRow> rows = new ArrayList<>();
        for (DeviceEntry e : registry.list()) rows.add(DeviceRow.of(e, profile(e.name())));
        return rows;
    }

    private DeviceProfile profile(String name) throws IOException {
        var f = registry.profilePath(name);
        return Files.exists(f) ? DeviceRegistry.readProfile(f) : null;
    }

    /**
     * Registers a device through {@link DeviceRegistration}, as {@code servelab device add} does: a blank
     * name becomes host-port, and {@code apiKeyEnv} is the name of an environment variable (never a key).
     * Throws {@link IllegalArgumentException} with the reason when an input is wrong.
     */
    public DeviceEntry add(String url, String name, String dialect, String apiKeyEnv) {
        DeviceEntry entry = new DeviceRegistration(registry).add(DeviceRegistration.Form.of(url, name, dialect, apiKeyEnv));
        refresh();
        status.set("added " + entry.name() + " (" + entry.url() + ", " + entry.dialect() + ")");
        return entry;
    }

    /**
     * Probes the named device on a background thread and saves its profile; the future completes
     * after {@link #devices} and {@link #status} were updated through {@code ui}. A device that does
     * not answer fails it with one line naming the device.
     */
    public CompletableFuture<DeviceProfile> probe(String name) {
        CompletableFuture<DeviceProfile> done = new CompletableFuture<>();
        if (probing.get()) {
            done.completeExceptionally(new IllegalStateException("a probe is already running (" + probingName.get() + ")"));
            return done;
        }
        DeviceEntry entry;
        try {
            entry = registry.find(name).orElseThrow(() -> new IllegalArgumentException("no device called " + name));
        } catch (IOException | IllegalArgumentException e) {
            status.set("probe: " + e.getMessage());
            done.completeExceptionally(e);
            return done;
        }
        probing.set(true);
        probingName.set(name);
        status.set("probing " + entry.name() + " (" + entry.url() + ")…");
        Thread.ofVirtual().name("servelab-probe-" + name).start(() -> {
            try {
                DeviceProfile p = new DeviceProbe(entry, plan).run();
                registry.saveProfile(p);
                ui.execute(() -> finish(String.format(Locale.ROOT, "probed %s: model %s, rtt %.1f ms, ttft ≈ %.1f + %.3f ms/token, tpot ≈ %.2f + %.2f ms/seq",
                        p.name(), p.model(), p.rttMs(), p.prefillBaseMs(), p.prefillMsPerToken(), p.decodeBaseMs(),
                        p.decodeMsPerSequence()), () -> done.complete(p)));
            } catch (Exception e) {
                String line = oneLine(entry, e);
                ui.execute(() -> finish(line, () -> done.completeExceptionally(new DeviceProbeFailure(line, e))));
            }
        });
        return done;
    }

    /** Re-reads the list, then ends the probe with {@code message} and runs {@code then} (on the UI executor). */
    private void finish(String message, Runnable then) {
        refresh().whenComplete((v, e) -> ui.execute(() -> {
            probing.set(false);
            probingName.set("");
            status.set(message);
            then.run();
        }));
    }

    /** The error as one line that names the device. */
    static String oneLine(DeviceEntry entry, Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof InterruptedException) m = "interrupted";
        return m.contains(entry.name()) ? "probe failed: " + m : "probe failed: device " + entry.name() + " (" + entry.url() + "): " + m;
    }
}
