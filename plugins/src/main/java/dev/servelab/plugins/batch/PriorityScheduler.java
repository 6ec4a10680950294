package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.Setting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SLO-class priority scheduling with preemption: requests are ranked by their SLO class's position
 * in {@code classes} (first = most urgent; unknown or missing classes rank last), FCFS within a
 * class. Running sequences decode in rank order (a missing KV block preempts the least urgent,
 * latest running one); waiting requests are admitted in rank order, and one that does not fit
 * preempts running sequences of a strictly lower class (least urgent, latest first) until it fits.
 * Preemption is by recompute or by swapping to CPU memory ({@code preemption}).
 *
 * <p>Source: vLLM V1 {@code --scheduling-policy priority}; SLO-class scheduling as in Llumnix
 * (OSDI 2024) and QLM (SoCC 2024).
 */
@Plugin(id = "batch.priority", summary = "SLO-class priority, higher classes preempt lower ones",
        source = "vLLM priority scheduling; Llumnix (OSDI'24)")
public final class PriorityScheduler implements BatchScheduler {
    public record Settings(
            @Setting(summary = "SLO classes, most urgent first, comma-separated") String classes,
            @Setting(summary = "preemption mode and swap cost") Preemption preemption) {
        public Settings() {
            this("interactive,standard,batch", new Preemption());
        }
    }

    private final List<String> classes;
    private final Preemption preemption;
    private final Comparator<SequenceView> byRank = Comparator.comparingInt(this::rank);

    public PriorityScheduler() {
        this(new Settings());
    }

    public PriorityScheduler(Settings settings) {
        this.classes = List.of(settings.classes().replace(" ", "").split(","));
        this.preemption = settings.preemption();
    }

    /** Index of the request's SLO class; a request without one (or with an unknown one) ranks last. */
    int rank(SequenceView s) {
        String slo = s.request().sloClass();
        int i = slo == null ? -1 : classes.indexOf(slo);
        return i < 0 ? classes.size() : i;
    }

    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        List<SequenceView> running = sorted(replica.running());
        RunningPass.decodes(running, plan, preemption, replica.blockSizeTokens());
        RunningPass.prefills(running, plan, Integer.MAX_VALUE, 0);
        for (SequenceView s : sorted(replica.waiting())) {
            if (plan.tokenBudget() <= 0) return;
            if (plan.isScheduled(s)) continue;
            boolean partial = s.uncomputedTokens() > replica.maxNumBatchedTokens();
            while (plan.prefill(s, plan.tokenBudget(), partial) == 0) {
                if (!preemptLowerThan(rank(s), running, plan, replica.blockSizeTokens())) return;
            }
        }
    }

    private boolean preemptLowerThan(int rank, List<SequenceView> running, BatchPlan plan, int blockSizeTokens) {
        for (int j = running.size() - 1; j >= 0; j--) {
            SequenceView v = running.get(j);
            if (rank(v) <= rank) return false;
            if (v.blocksHeld() > 0) {
                preemption.apply(plan, v, blockSizeTokens);
                return true;
            }
        }
        return false;
    }

    private List<SequenceView> sorted(List<? extends SequenceView> seqs) {
        List<SequenceView> out = new ArrayList<>(seqs);
        out.sort(byRank);
        return out;
    }
}
