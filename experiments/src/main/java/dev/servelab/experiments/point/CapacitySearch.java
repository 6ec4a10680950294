package dev.servelab.experiments.point;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.experiments.sweep.CapacityGoal;
import dev.servelab.experiments.sweep.Constraint;
import dev.servelab.experiments.sweep.PointTrees;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SLO capacity search, as Vidur-Search's "max QPS under SLO" (Agrawal et al., MLSys 2024): the largest
 * arrival rate (or the smallest replica count of the first pool) whose run meets every constraint. From
 * the pipeline's own value it doubles (or halves) until the SLO flips, then bisects: rates until the
 * bracket is within 2 % (at most {@value #MAX_BISECTIONS} halvings), replica counts exactly. The rate knob is
 * {@code workload.rate_per_s} for generators and {@code workload.rate_scale} for traces (reported as
 * the trace's mean arrival rate times the scale). Every try is a stored run.
 */
public final class CapacitySearch {
    static final int MAX_BISECTIONS = 10;
    private static final int MAX_STEPS = 12;
    private static final double RATE_TOLERANCE = 0.02;

    /** One tried value: the run behind it, whether it met the SLO, its metrics (null when it did not complete). */
    public record Tried(double value, long runId, boolean meetsSlo, String reason, Map<String, Object> metrics) {
        /** The JSON form {@code capacity --json} prints: {@code value}, {@code run_id}, {@code meets_slo}, {@code reason}, {@code metrics}. */
        public Map<String, Object> row() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("value", value);
            m.put("run_id", runId >= 0 ? runId : null);
            m.put("meets_slo", meetsSlo);
            m.put("reason", reason);
            m.put("metrics", metrics);
            return m;
        }
    }

    /** The value found (null when no tried value met the SLO) and every try in order; {@code best} is the run at the value found. */
    public record Result(CapacityGoal goal, Double value, List<Tried> tried, RunAttempt best) {
        public boolean meetsSlo() {
            return value != null;
        }

        public List<Map<String, Object>> triedRows() {
            return tried.stream().map(Tried::row).toList();
        }
    }

    private final CapacityGoal goal;
    private final List<Constraint> slo;
    private final Function<ObjectNode, RunAttempt> runner;
    private final List<Tried> tried = new ArrayList<>();
    private final List<RunAttempt> attempts = new ArrayList<>();

    private CapacitySearch(CapacityGoal goal, List<Constraint> slo, Function<ObjectNode, RunAttempt> runner) {
        this.goal = goal;
        this.slo = slo;
        this.runner = runner;
    }

    /** Searches from {@code tree}; {@code runner} runs (and stores) one pipeline tree. */
    public static Result search(ObjectNode tree, String name, Path baseDir, PluginRegistry registry, CapacityGoal goal,
                                List<Constraint> slo, Function<ObjectNode, RunAttempt> runner) {
        CapacitySearch s = new CapacitySearch(goal, slo, runner);
        return goal == CapacityGoal.MAX_RATE ? s.maxRate(tree, name, baseDir, registry) : s.minReplicas(tree, name, baseDir);
    }

    private Result maxRate(ObjectNode tree, String name, Path baseDir, PluginRegistry registry) {
        PipelineSpec spec = PipelineLoader.fromTree(tree, name, baseDir);
        boolean trace = spec.workload().type().startsWith(PluginKind.TRACE.prefix() + ".");
        String knob;
        double start;
        double perUnit;
        if (trace) {
            knob = "workload.rate_scale";
            JsonNode s = spec.workload().settings().get("rate_scale");
            start = s == null ? 1.0 : s.asDouble();
            perUnit = meanArrivalRate(spec, registry, start);
        } else if (spec.workload().settings().has("rate_per_s")) {
            knob = "workload.rate_per_s";
            start = spec.workload().settings().get("rate_per_s").asDouble();
            perUnit = 1.0;
        } else {
            throw new ServeLabException("workload: " + spec.workload().type() + " has no rate_per_s; capacity search by rate"
                    + " needs a generator with rate_per_s or a trace");
        }
        Function<Double, Boolean> meets = v -> test(PointTrees.apply(tree, List.of(knob + "=" + v)), v * perUnit);
        double lo;
        double hi;
        if (meets.apply(start)) {
            lo = start;
            hi = start * 2;
            for (int i = 0; i < MAX_STEPS && meets.apply(hi); i++) {
                lo = hi;
                hi *= 2;
            }
        } else {
            hi = start;
            lo = start / 2;
            int i = 0;
            while (!meets.apply(lo)) {
                hi = lo;
                lo /= 2;
                if (++i >= MAX_STEPS || cancelled()) return result(null);
            }
        }
        for (int i = 0; i < MAX_BISECTIONS && (hi - lo) / hi > RATE_TOLERANCE && !cancelled(); i++) {
            double mid = (lo + hi) / 2;
            if (meets.apply(mid)) lo = mid;
            else hi = mid;
        }
        return result(lo * perUnit);
    }

    private Result minReplicas(ObjectNode tree, String name, Path baseDir) {
        int start = PipelineLoader.fromTree(tree, name, baseDir).pools().getFirst().replicas();
        Function<Integer, Boolean> meets = n -> test(PointTrees.apply(tree, List.of("pools.0.replicas=" + n)), n);
        int pass;
        int fail;
        if (meets.apply(start)) {
            pass = start;
            fail = 0;
            while (pass > 1 && !cancelled()) {
                int down = Math.max(1, pass / 2);
                if (meets.apply(down)) pass = down;
                else {
                    fail = down;
                    break;
                }
            }
        } else {
            fail = start;
            pass = -1;
            for (int n = start * 2, i = 0; i < MAX_STEPS && !cancelled(); n *= 2, i++) {
                if (meets.apply(n)) {
                    pass = n;
                    break;
                }
                fail = n;
            }
            if (pass < 0) return result(null);
        }
        while (pass - fail > 1 && !cancelled()) {
            int mid = (pass + fail) / 2;
            if (meets.apply(mid)) pass = mid;
            else fail = mid;
        }
        return result((double) pass);
    }

    private boolean cancelled() {
        return !attempts.isEmpty() && attempts.getLast().status() == PointStatus.CANCELLED;
    }

    /** Runs one value; a value that cannot be built or fails counts as not meeting the SLO. */
    private boolean test(ObjectNode tree, double reported) {
        RunAttempt a = runner.apply(tree);
        attempts.add(a);
        boolean ok = false;
        String reason = a.reason();
        if (a.status() == PointStatus.COMPLETED) {
            reason = Constraint.firstViolation(slo, a.metrics());
            ok = reason == null;
        }
        tried.add(new Tried(reported, a.runId(), ok, reason, a.metrics()));
        return ok;
    }

    private Result result(Double value) {
        RunAttempt best = null;
        if (value != null) {
            for (int i = 0; i < tried.size(); i++) if (tried.get(i).meetsSlo() && tried.get(i).value() == value) best = attempts.get(i);
        }
        return new Result(goal, value, List.copyOf(tried), best);
    }

    /** The trace's mean arrival rate (requests per second) at {@code scale}: requests over the span of their arrivals. */
    private static double meanArrivalRate(PipelineSpec spec, PluginRegistry registry, double scale) {
        try (RequestStream s = WorkloadFactory.open(registry, spec.workload(), spec.seed(), 0, spec.baseDir())) {
            long n = 0;
            long first = -1;
            long last = 0;
            for (Request r = s.next(); r != null; r = s.next()) {
                if (first < 0) first = r.arrivalNanos();
                last = r.arrivalNanos();
                n++;
            }
            if (n < 2 || last <= first) return 1.0;
            return (n - 1) / ((last - first) / 1e9) / scale;
        } catch (IOException e) {
            throw new ServeLabException("workload: cannot read the trace: " + e.getMessage(), e);
        }
    }
}
