package dev.servelab.app.ab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.store.RunStore;
import dev.servelab.safety.ab.ComparisonStore;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The comparisons of one run store and, for the selected one, its metrics, gate and rounds. */
public final class AbViewModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path db;
    private final ObservableList<AbRows.Comparison> comparisons = FXCollections.observableArrayList();
    private final ObservableList<AbRows.Metric> metrics = FXCollections.observableArrayList();
    private final ObservableList<AbRows.Round> rounds = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper gate = new ReadOnlyStringWrapper("");

    public AbViewModel(Path db) {
        this.db = db;
    }

    ObservableList<AbRows.Comparison> comparisons() {
        return FXCollections.unmodifiableObservableList(comparisons);
    }

    ObservableList<AbRows.Metric> metrics() {
        return FXCollections.unmodifiableObservableList(metrics);
    }

    ObservableList<AbRows.Round> rounds() {
        return FXCollections.unmodifiableObservableList(rounds);
    }

    /** The gate's result in one line per rule, or a note that the comparison had none. */
    public ReadOnlyStringProperty gate() {
        return gate.getReadOnlyProperty();
    }

    /** Reads the store's comparisons again, newest first. */
    public void refresh() {
        List<AbRows.Comparison> out = new ArrayList<>();
        try (RunStore store = RunStore.open(db)) {
            for (ComparisonStore.Row r : new ComparisonStore(store).list()) {
                out.addFirst(new AbRows.Comparison(r.comparisonId(), r.candidateName(), r.baselineName(), r.rounds(),
                        r.gatePassed(), r.resultJson()));
            }
        }
        comparisons.setAll(out);
    }

    /** Shows comparison {@code c} (null clears). */
    public void select(AbRows.Comparison c) {
        metrics.clear();
        rounds.clear();
        gate.set("");
        if (c == null || c.resultJson() == null) return;
        JsonNode j = parse(c.resultJson());
        for (Iterator<String> it = j.get("metrics").fieldNames(); it.hasNext(); ) {
            String k = it.next();
            JsonNode m = j.get("metrics").get(k);
            metrics.add(new AbRows.Metric(k, num(m, "baseline"), num(m, "candidate"), num(m, "difference"), num(m, "ci_low"),
                    num(m, "ci_high"), num(m, "difference_pct"), num(m, "p_adjusted"), m.get("verdict").asText()));
        }
        for (JsonNode r : j.path("runs")) {
            rounds.add(new AbRows.Round(r.get("round").asInt(), r.get("seed").asLong(), r.get("workload").asText(),
                    r.get("baseline_run_id").asLong(), r.get("candidate_run_id").asLong()));
        }
        gate.set(gateText(j.get("gate")));
    }

    private static String gateText(JsonNode g) {
        if (g == null) return "No gate (run servelab ab with --gate GATE.yaml).";
        if (g.get("passed").asBoolean()) return "Gate passed: every rule holds.";
        StringBuilder sb = new StringBuilder("Gate FAILED:");
        for (JsonNode f : g.get("failed_rules")) sb.append("\n  ").append(f.get("message").asText());
        return sb.toString();
    }

    private static double num(JsonNode m, String key) {
        JsonNode v = m.get(key);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
