package dev.servelab.app.experiments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.experiments.sweep.SweepMetrics;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The experiment being composed in the Experiments tab for the open pipeline: its axes (added from the
 * property sheet's "Vary" or typed), constraints, objective, seeds, search and requests per point.
 * {@link #sweep} writes it as the {@code SWEEP.yaml} tree the experiments module reads, so a sweep
 * composed here runs exactly as {@code servelab sweep run} would run the same file.
 */
public final class ExperimentDraft {
    /** How points are picked. */
    public enum SearchKind { GRID, RANDOM, LHS }

    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<AxisDraft> axes = FXCollections.observableArrayList();
    private final ObservableList<ConstraintDraft> constraints = FXCollections.observableArrayList(
            new ConstraintDraft("p99_ttft_ms", "500"), new ConstraintDraft("p99_tpot_ms", "50"));
    private final StringProperty objectiveMetric = new SimpleStringProperty("cost_per_hour_usd");
    private final StringProperty objectiveDirection = new SimpleStringProperty("minimize");
    private final StringProperty seeds = new SimpleStringProperty("");
    private final ObjectProperty<SearchKind> search = new SimpleObjectProperty<>(SearchKind.GRID);
    private final IntegerProperty searchPoints = new SimpleIntegerProperty(20);
    private final LongProperty requests = new SimpleLongProperty(0);

    /** The experiment's name (blank: the pipeline's name with {@code -sweep}). */
    public StringProperty name() {
        return name;
    }

    public ObservableList<AxisDraft> axes() {
        return axes;
    }

    /** Adds an axis, or replaces the values of the axis on the same path. */
    public void addAxis(AxisDraft axis) {
        for (int i = 0; i < axes.size(); i++) {
            if (axes.get(i).path().equals(axis.path())) {
                axes.set(i, axis);
                return;
            }
        }
        axes.add(axis);
    }

    public ObservableList<ConstraintDraft> constraints() {
        return constraints;
    }

    /** The metric the objective minimizes or maximizes. */
    public StringProperty objectiveMetric() {
        return objectiveMetric;
    }

    /** {@code minimize}, {@code maximize} or {@code none}. */
    public StringProperty objectiveDirection() {
        return objectiveDirection;
    }

    /** Seeds as typed ({@code 1, 2, 3}); blank: the pipeline's own seed. */
    public StringProperty seeds() {
        return seeds;
    }

    public ObjectProperty<SearchKind> search() {
        return search;
    }

    /** Points drawn by a random or Latin-hypercube search. */
    public IntegerProperty searchPoints() {
        return searchPoints;
    }

    /** At most this many requests per point (0: the workload's own count). */
    public LongProperty requests() {
        return requests;
    }

    /** The name the experiment gets. */
    public String nameFor(PipelineSource src) {
        String n = name.get() == null ? "" : name.get().strip();
        return n.isEmpty() ? src.name() + "-sweep" : n;
    }

    /** How many points a grid search would run (the product of the axes' sizes, times the seeds). */
    public long gridPoints() {
        long n = 1;
        for (AxisDraft a : axes) n *= Math.max(0, a.size());
        return n * Math.max(1, seedList().size());
    }

    /** The sweep file's tree, with {@code base} the given pipeline file. */
    public ObjectNode sweep(PipelineSource src, Path base) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("name", nameFor(src));
        s.put("base", base.toString());
        ObjectNode vary = s.putObject("vary");
        for (AxisDraft a : axes) vary.set(a.path(), a.node());
        ArrayNode seedNode = JsonNodeFactory.instance.arrayNode();
        seedList().forEach(seedNode::add);
        if (!seedNode.isEmpty()) s.set("seeds", seedNode);
        switch (search.get()) {
            case GRID -> s.put("search", "grid");
            case RANDOM -> s.putObject("search").put("random", searchPoints.get());
            case LHS -> s.putObject("search").put("lhs", searchPoints.get());
        }
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        for (ConstraintDraft d : constraints) {
            if (d.metric() == null || d.bound() == null || d.bound().isBlank()) continue;
            try {
                c.put(d.metric(), Double.parseDouble(d.bound().strip()));
            } catch (NumberFormatException e) {
                c.put(d.metric(), d.bound().strip());
            }
        }
        if (!c.isEmpty()) s.set("constraints", c);
        String dir = objectiveDirection.get();
        if (dir != null && !dir.equals("none") && objectiveMetric.get() != null) s.putObject("objective").put(dir, objectiveMetric.get());
        return s;
    }

    /** The base pipeline the points start from: the editor's tree, with the requests per point applied. */
    public ObjectNode base(PipelineSource src) {
        ObjectNode t = src.tree().deepCopy();
        if (requests.get() > 0) {
            com.fasterxml.jackson.databind.JsonNode given = t.get("workload");
            ObjectNode w = given instanceof ObjectNode o ? o : t.putObject("workload");
            if (given != null && given.isTextual()) w.put("type", given.asText());
            String type = w.path("type").asText("");
            w.put(type.startsWith("trace.") ? "limit" : "requests", requests.get());
        }
        return t;
    }

    private java.util.List<Long> seedList() {
        java.util.List<Long> out = new java.util.ArrayList<>();
        String s = seeds.get() == null ? "" : seeds.get();
        for (String p : s.split("[,\\s]+")) {
            if (p.isBlank()) continue;
            try {
                out.add(Long.parseLong(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seeds: '" + p + "' is not an integer");
            }
        }
        return out;
    }

    /** Every metric a constraint or the objective may name. */
    public static java.util.List<String> metrics() {
        return SweepMetrics.names();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d axes, %d constraints", axes.size(), constraints.size());
    }
}
