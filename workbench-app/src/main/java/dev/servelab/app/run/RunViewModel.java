package dev.servelab.app.run;

import dev.servelab.engine.run.RunProgress;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;

/**
 * State of the run in progress as the status bar shows it: progress fraction (-1 = unknown), ETA and
 * headline numbers, refreshed from {@link RunProgress} snapshots sampled once per frame.
 */
public final class RunViewModel {
    public final BooleanProperty running = new SimpleBooleanProperty(false);
    public final DoubleProperty fraction = new SimpleDoubleProperty(0);
    public final StringProperty eta = new SimpleStringProperty("");
    public final StringProperty headline = new SimpleStringProperty("Ready");
    public final StringProperty status = new SimpleStringProperty("");
    /** The execution modes offered (simulation, then the live backends found) and the one chosen. */
    public final ObservableList<ExecutionMode> modes = FXCollections.observableArrayList(ExecutionMode.SIMULATION);
    public final ObjectProperty<ExecutionMode> mode = new SimpleObjectProperty<>(ExecutionMode.SIMULATION);
    /** Live runs replay arrivals this many times faster than recorded. */
    public final DoubleProperty speed = new SimpleDoubleProperty(1);

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
