package dev.servelab.app.run;

import dev.servelab.engine.run.RunProgress;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;

/**
 * State of the run in progress as the status bar shows it: progress fraction (-1 = unknown), ETA and
 * headline numbers, refreshed from {@link RunProgress} snapshots sampled once per frame.
 */
public final class RunViewModel {
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper eta = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ExecutionMode> modes = FXCollections.observableArrayList(ExecutionMode.SIMULATION);
    private final ObservableList<ExecutionMode> modesView = FXCollections.unmodifiableObservableList(modes);
    private final ObjectProperty<ExecutionMode> mode = new SimpleObjectProperty<>(ExecutionMode.SIMULATION);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);

    /** True from {@link #started} to {@link #finished}. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while a stored run is being read for the result views (the status bar shows a busy bar). */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /**
     * A stored run is being read: {@code message} says which, {@code fraction} how far (a step, not an
     * animation: an indeterminate bar would repaint the window every frame while the loading thread
     * needs the CPU).
     */
    public void loading(String message, double fraction) {
        loading.set(true);
        if (running.get()) return;
        this.fraction.set(fraction);
        status.set(message);
    }

    /** The stored run is shown (or could not be read): {@code message} says so. */
    public void loaded(String message) {
        loading.set(false);
        if (running.get()) return;
        fraction.set(0);
        status.set(message);
    }

    /** The fraction done, 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    /** The live headline numbers (done, arrived, clock, rates). */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** What the run is doing or how it ended, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The execution modes offered: simulation, then the live backends found. */
    public ObservableList<ExecutionMode> modes() {
        return modesView;
    }

    /** Offers these execution modes (simulation first). */
    public void offer(List<ExecutionMode> found) {
        modes.setAll(found);
    }

    /** The execution mode chosen (the user's input: the mode box writes it). */
    public ObjectProperty<ExecutionMode> modeProperty() {
        return mode;
    }

    /** Live runs replay arrivals this many times faster than recorded (an input). */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public void started(String name) {
        running.set(true);
        fraction.set(-1);
        eta.set("");
        status.set("Running " + name + (mode.get().live() ? " " + mode.get().label().replace("Live — ", "live on ") : "") + "…");
        headline.set("");
    }

    public void update(RunProgress p) {
        double f = p.fraction();
        fraction.set(f);
        double sim = p.simulatedNanos() / 1e9;
        String clock = mode.get().live() ? "t" : "sim t";
        eta.set(f > 0.001 && f < 1 ? String.format(Locale.ROOT, "ETA %.1f s", p.wallSeconds() * (1 - f) / f) : "");
        String done = p.expectedRequests() > 0 ? String.format(Locale.ROOT, "%,d / %,d done", p.completed(), p.expectedRequests())
                : String.format(Locale.ROOT, "%,d done", p.completed());
        headline.set(String.format(Locale.ROOT, "%s · %,d arrived · %s = %.1f s · %.2f req/s · %,.0f events/s",
                done, p.arrived(), clock, sim, sim > 0 ? p.completed() / sim : 0.0,
                p.wallSeconds() > 0 ? p.events() / p.wallSeconds() : 0.0));
    }

    /** While the run is prepared (model loading, warm-up): what it is doing. */
    public void preparing(String phase) {
        headline.set(phase + "…");
    }

    /** Another pipeline is open (and nothing runs): the status bar says so instead of the last run's result. */
    public void idle(String pipeline) {
        if (running.get()) return;
        fraction.set(0);
        eta.set("");
        headline.set("");
        status.set(pipeline == null || pipeline.isBlank() ? "Ready" : "Ready · " + pipeline);
    }

    public void finished(String message) {
        running.set(false);
        fraction.set(message.startsWith("Completed") ? 1 : 0);
        eta.set("");
        status.set(message);
    }
}
