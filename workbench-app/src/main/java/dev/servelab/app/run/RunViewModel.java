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
    private final ObservableList<ExecutionMode> modes = FXCollections.observableArrayList(ExecutionMode.SIMULATION);
    private final ObservableList<ExecutionMode> modesView = FXCollections.unmodifiableObservableList(modes);
    private final ObjectProperty<ExecutionMode> mode = new SimpleObjectProperty<>(ExecutionMode.SIMULATION);
    private final DoubleProperty speed = new SimpleDoubleProperty(1);

    /** True from {@link #started} to {@link #finished}. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
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
        headline.set(String.format(Locale.ROOT, "%,d / %,d done · %,d arrived · %s = %.1f s · %.2f req/s · %,.0f events/s",
                p.completed(), p.expectedRequests(), p.arrived(), clock, sim, sim > 0 ? p.completed() / sim : 0.0,
                p.wallSeconds() > 0 ? p.events() / p.wallSeconds() : 0.0));
    }

    public void finished(String message) {
        running.set(false);
        fraction.set(message.startsWith("Completed") ? 1 : 0);
        eta.set("");
        status.set(message);
    }
}
