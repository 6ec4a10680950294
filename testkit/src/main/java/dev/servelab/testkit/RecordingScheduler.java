package dev.servelab.testkit;

import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps the scheduler under test so that each iteration's calls on the engine's own plan are recorded
 * as {@link Decision}s; every call goes through to the engine's plan unchanged (the bulk decode path
 * included), so the run is the same as without the recording.
 */
final class RecordingScheduler implements BatchScheduler {
    private final BatchScheduler scheduler;
    private List<Decision> current = List.of();

    RecordingScheduler(BatchScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        List<Decision> decisions = new ArrayList<>();
        scheduler.schedule(replica, new Recording(plan, decisions));
        current = decisions;
    }

    /** The decisions of the latest call to {@link #schedule}. */
    List<Decision> latest() {
        return List.copyOf(current);
    }

    private record Recording(BatchPlan plan, List<Decision> decisions) implements BatchPlan {
        @Override
        public int tokenBudget() {
            return plan.tokenBudget();
        }

        @Override
        public int seqBudget() {
            return plan.seqBudget();
        }

        @Override
        public boolean decode(SequenceView s) {
            boolean done = plan.decode(s);
            if (done) decisions.add(Decision.decode(s.id()));
            return done;
        }

        @Override
        public int decodeRun(List<? extends SequenceView> running, int from, int to) {
            int end = plan.decodeRun(running, from, to);
            for (int i = from; i < end; i++) decisions.add(Decision.decode(running.get(i).id()));
            return end;
        }

        @Override
        public int prefill(SequenceView s, int maxTokens, boolean allowPartial) {
            int n = plan.prefill(s, maxTokens, allowPartial);
            if (n > 0) decisions.add(Decision.prefill(s.id(), n));
            return n;
        }

        @Override
        public void preempt(SequenceView s) {
            if (isRunning(s)) decisions.add(Decision.preempt(s.id()));
            plan.preempt(s);
        }

        @Override
        public void swapOut(SequenceView s, long transferNanos) {
            if (isRunning(s)) decisions.add(Decision.swapOut(s.id()));
            plan.swapOut(s, transferNanos);
        }

        @Override
        public boolean isScheduled(SequenceView s) {
            return plan.isScheduled(s);
        }

        @Override
        public int size() {
            return plan.size();
        }

        private static boolean isRunning(SequenceView s) {
            return s instanceof Sequence seq && seq.state() == Sequence.State.RUNNING;
        }
    }
}
