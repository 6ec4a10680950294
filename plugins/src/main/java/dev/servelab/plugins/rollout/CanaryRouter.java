package dev.servelab.plugins.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Handoff;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.Router;
import dev.servelab.engine.spi.Setting;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A staged canary rollout between two pools of one pipeline: the baseline pool (the current policy)
 * and the candidate pool (the new scheduler, eviction policy or executor). Stage k sends
 * {@code stages[k]} percent of the arriving requests (a seeded draw per request) to the candidate pool
 * and the rest to the baseline pool, least-outstanding within each pool. When a stage has lasted
 * {@code stage_s} and both sides have at least {@code min_requests} finished requests that arrived in
 * it (still running ones count with the latency accrued so far), the gate is checked on the stage's traffic — the candidate side's figure against the baseline
 * side's, as one paired round (at 100 %, against the last stage that still had baseline traffic). A
 * rule that fails rolls the rollout back: all traffic goes to the baseline pool from then on.
 * Otherwise the next stage begins, or, after the last, the rollout is complete and all traffic goes to
 * the candidate. Each stage change, the rollback and the completion are cluster events
 * ({@code rollout-stage}, {@code rollout-rolled-back}, {@code rollout-completed}) stored with the run.
 *
 * <p>Judging happens when a request arrives, so an idle cluster does not advance. A rule whose
 * figure cannot be measured fails (rolling back is the safe side): remote replicas do not report
 * first tokens to routers, so with remote pools only E2EL rules can hold. The router reads first-token times through
 * {@link #routeDecode} (it never hands off), so it also works live and in hybrid runs, where those
 * calls come at the real first token. Modelled on progressive delivery as Argo Rollouts and Flagger
 * do it (step weights, analysis per step, abort to stable), and on KServe's canary traffic percent.
 */
@Plugin(id = "route.canary", summary = "Staged canary between a baseline and a candidate pool; gate per stage, rollback",
        source = "progressive delivery (Argo Rollouts / Flagger canary steps, KServe canaryTrafficPercent)")
public final class CanaryRouter implements Router {
    public record Settings(
            @Setting(summary = "pool serving the traffic the canary does not take (rollback target)") String baselinePool,
            @Setting(summary = "pool running the candidate policy") String candidatePool,
            @Setting(summary = "share of arriving requests sent to the candidate in each stage", unit = "%") List<Double> stages,
            @Setting(summary = "length of each stage", unit = "s", min = 0.001) double stageS,
            @Setting(summary = "requests of the stage (finished or not) needed on each side before it is judged", min = 1) int minRequests,
            @Setting(summary = "gate checked on each stage's traffic: metric: {max_worse_pct, max_worse_ms, min, max}")
            JsonNode gate) {
        public Settings() {
            this("baseline", "canary", List.of(5.0, 25.0, 50.0, 100.0), 60, 20, null);
        }
    }

    private enum State { NOT_STARTED, STAGED, ROLLED_BACK, COMPLETED }

    /** Where a routed request went: its stage and side, and its first-token time once known. */
    private static final class Tracked {
        final int stage;
        final boolean candidate;
        final long arrivalNanos;
        long firstTokenNanos = -1;

        Tracked(int stage, boolean candidate, long arrivalNanos) {
            this.stage = stage;
            this.candidate = candidate;
            this.arrivalNanos = arrivalNanos;
        }
    }

    private final Settings settings;
    private final Gate gate;
    private final SplittableRandom rng;
    private final Map<Long, Tracked> inFlight = new HashMap<>();
    private final Map<Integer, StageSamples[]> samples = new HashMap<>();
    private PoolReplicas baseline;
    private PoolReplicas candidate;
    private State state = State.NOT_STARTED;
    private int stage;
    private long stageStartNanos;
    private StageSamples lastBaseline;
    private ClusterView view;

    public CanaryRouter() {
        this(new Settings(), new PluginContext(42, "router", -1));
    }

    public CanaryRouter(Settings settings, PluginContext context) {
        this.settings = settings;
        String at = context.nodePath();
        if (settings.stages() == null || settings.stages().isEmpty()) throw new ServeLabException(at + ".stages: give at least one stage");
        double previous = 0;
        for (double s : settings.stages()) {
            if (!(s > 0 && s <= 100) || s < previous) {
                throw new ServeLabException(at + ".stages: percentages must rise within (0, 100], found " + settings.stages());
            }
            previous = s;
        }
        this.gate = Gate.of(settings.gate(), at + ".gate", StageSamples.METRICS);
        this.rng = new SplittableRandom(context.seed());
    }

    @Override
    public int route(Request request, ClusterView cluster) {
        long now = cluster.nowNanos();
        if (state == State.NOT_STARTED) start(cluster, now);
        if (state == State.STAGED && now - stageStartNanos >= Math.round(settings.stageS() * 1e9)) judge(cluster, now);
        boolean toCandidate = switch (state) {
            case COMPLETED -> true;
            case ROLLED_BACK -> false;
            default -> rng.nextDouble() * 100 < settings.stages().get(stage);
        };
        if (state == State.STAGED) inFlight.put(request.id(), new Tracked(stage, toCandidate, request.arrivalNanos()));
        return (toCandidate ? candidate : baseline).leastOutstanding(cluster);
    }

    private void start(ClusterView cluster, long now) {
        view = cluster;
        baseline = PoolReplicas.of(cluster, settings.baselinePool(), "router.baseline_pool");
        candidate = PoolReplicas.of(cluster, settings.candidatePool(), "router.candidate_pool");
        state = State.STAGED;
        beginStage(cluster, 0, now);
    }

    private void beginStage(ClusterView cluster, int k, long now) {
        stage = k;
        stageStartNanos = now;
        samples.put(k, new StageSamples[]{new StageSamples(), new StageSamples()});
        cluster.emit(new ClusterEvent(now, ClusterEventKind.ROLLOUT_STAGE, -1, String.format(Locale.ROOT,
                "stage %d/%d: %s %% to pool %s", k + 1, settings.stages().size(), pct(settings.stages().get(k)), candidate.name())));
    }

    /** Checks the gate on the current stage's traffic, if enough of it has finished, and moves on. */
    private void judge(ClusterView cluster, long now) {
        StageSamples[] s = withUnfinished(samples.get(stage), now);
        StageSamples base = s[0].count() >= settings.minRequests() ? s[0] : lastBaseline;
        if (base == null || base.count() < settings.minRequests() || s[1].count() < settings.minRequests()) return;
        lastBaseline = base;
        for (GateRule rule : gate.rules()) {
            double b = base.figure(rule.metric());
            double c = s[1].figure(rule.metric());
            RuleCheck check = Double.isNaN(b) || Double.isNaN(c)
                    ? new RuleCheck(rule.metric(), false, rule.metric() + ": not measured on this stage's traffic"
                    + " (remote pools do not report first tokens to routers)", List.of())
                    : rule.check(new double[]{b}, new double[]{c}, true, "ms");
            if (!check.passed()) {
                state = State.ROLLED_BACK;
                cluster.emit(new ClusterEvent(now, ClusterEventKind.ROLLOUT_ROLLED_BACK, -1, String.format(Locale.ROOT,
                        "stage %d/%d (%s %%, %d vs %d requests): %s; all traffic to pool %s", stage + 1, settings.stages().size(),
                        pct(settings.stages().get(stage)), s[1].count(), base.count(), check.message(), baseline.name())));
                return;
            }
        }
        if (stage + 1 < settings.stages().size()) {
            beginStage(cluster, stage + 1, now);
        } else {
            state = State.COMPLETED;
            cluster.emit(new ClusterEvent(now, ClusterEventKind.ROLLOUT_COMPLETED, -1, String.format(Locale.ROOT,
                    "stage %d/%d passed its gate (%d vs %d requests): all traffic to pool %s", stage + 1, settings.stages().size(),
                    s[1].count(), base.count(), candidate.name())));
        }
    }

    /**
     * The stage's finished requests plus, for those still waiting or running, the latency they have
     * already accrued (now − arrival, and now − arrival for TTFT when no token came yet): lower bounds,
     * the same for both sides, so a pool whose requests are stuck in its queue cannot pass by not
     * finishing them.
     */
    private StageSamples[] withUnfinished(StageSamples[] finished, long now) {
        StageSamples[] out = {finished[0].copy(), finished[1].copy()};
        for (Tracked t : inFlight.values()) {
            if (t.stage != stage) continue;
            long first = t.firstTokenNanos >= 0 ? t.firstTokenNanos : now;
            out[t.candidate ? 1 : 0].add((first - t.arrivalNanos) / 1e6, (now - t.arrivalNanos) / 1e6, 0);
        }
        return out;
    }

    /** Records the first-token time of a tracked request; never hands off. */
    @Override
    public Handoff routeDecode(Request request, ClusterView cluster, int prefillReplica) {
        Tracked t = inFlight.get(request.id());
        if (t != null) t.firstTokenNanos = cluster.nowNanos();
        return null;
    }

    @Override
    public void onFinished(Request request, int replica) {
        Tracked t = inFlight.remove(request.id());
        if (t == null) return;
        long finishedAt = view.nowNanos(); // called at the finish, on the loop's clock
        double ttftMs = t.firstTokenNanos >= 0 ? (t.firstTokenNanos - request.arrivalNanos()) / 1e6
                : request.outputTokens() <= 1 ? (finishedAt - request.arrivalNanos()) / 1e6 : Double.NaN;
        samples.get(t.stage)[t.candidate ? 1 : 0].add(ttftMs,
                (finishedAt - request.arrivalNanos()) / 1e6, request.outputTokens());
    }

    private static String pct(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
