package dev.servelab.engine.replica;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The aggregate decode path ({@link DecodeCohort}, runs in {@link IterationPlan}) against the one-by-one
 * path on the same replica: the same scheduler decisions made once through {@link BatchPlan#decodeRun}
 * over the engine's running list (members of the cohort are not visited) and once through a copy of the
 * list (the SPI's default, one {@code decode} per sequence) must give the same iterations, entry by entry,
 * the same token gaps and the same finished sequences — with a small KV cache (preemptions), 4-token
 * blocks (frequent block boundaries) and a scheduler that also preempts sequences inside a run.
 */
class DecodeCohortTest {
    private static final long MS = 1_000_000;

    @Test
    void runsOfSteadyDecodersGiveTheSameRunAsDecodingOneByOne() {
        for (int blocks : new int[] {80, 200, 4000}) {
            for (boolean preemptInsideRuns : new boolean[] {false, true}) {
                Trace bulk = run(new Scheduler(true, preemptInsideRuns), blocks, 400, -1);
                Trace single = run(new Scheduler(false, preemptInsideRuns), blocks, 400, -1);
                assertTrue(bulk.finished.size() > 300, "most requests finished: " + bulk.finished.size());
                int peak = bulk.cohortPeak[0];
                assertTrue(peak >= (blocks >= 4000 ? 30 : 3), "the run path had steady decoders to skip: peak " + peak);
                assertEquals(single.iterations, bulk.iterations, "iterations, blocks " + blocks);
                assertEquals(single.gaps, bulk.gaps, "token gaps, blocks " + blocks);
                assertEquals(single.finished, bulk.finished, "finished sequences, blocks " + blocks);
                assertEquals(single.counts, bulk.counts, "token counts read by the scheduler, blocks " + blocks);
            }
        }
    }

    /**
     * Prefill-only iterations (as {@code batch.prefill-first} makes them) pause the cohort: no member
     * decodes, its clock stands still, nobody leaves; the next decode iteration's token gaps are then
     * longer than the replica's last iteration and reported one by one, as the one-by-one path does.
     */
    @Test
    void prefillOnlyIterationsPauseTheCohortWithTheSameResults() {
        for (int blocks : new int[] {200, 4000}) {
            Scheduler bulkScheduler = new Scheduler(true, false, true);
            Trace bulk = run(bulkScheduler, blocks, 400, -1);
            Trace single = run(new Scheduler(false, false, true), blocks, 400, -1);
            assertTrue(bulk.finished.size() > 300, "most requests finished: " + bulk.finished.size());
            assertTrue(bulkScheduler.pausedWithMembers > 20, "prefill-only iterations with steady decoders waiting: "
                    + bulkScheduler.pausedWithMembers);
            assertEquals(single.iterations, bulk.iterations, "iterations, blocks " + blocks);
            assertEquals(single.gaps, bulk.gaps, "token gaps, blocks " + blocks);
            assertEquals(single.finished, bulk.finished, "finished sequences, blocks " + blocks);
            assertEquals(single.counts, bulk.counts, "token counts read by the scheduler, blocks " + blocks);
        }
    }

    @Test
    void aStopRequestReachesASteadyDecoderAtTheEndOfItsIteration() {
        Trace bulk = run(new Scheduler(true, false), 4000, 60, 7);
        Trace single = run(new Scheduler(false, false), 4000, 60, 7);
        assertEquals(single.finished, bulk.finished);
        assertEquals(single.iterations, bulk.iterations);
        String stopped = bulk.finished.stream().filter(f -> f.startsWith("7 ")).findFirst().orElseThrow();
        assertTrue(!stopped.contains("generated 900 "), "request 7 was stopped early: " + stopped);
    }

    /** What a run showed: each iteration's batch entry by entry, the gap reports, the finished sequences. */
    private record Trace(List<String> iterations, List<String> gaps, List<String> finished, List<String> counts, int[] cohortPeak) {
    }

    private static Trace run(Scheduler scheduler, int kvBlocks, int requests, long stopId) {
        EventLoop loop = new EventLoop();
        Trace t = new Trace(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), scheduler.counts, scheduler.cohortPeak);
        RunObserver observer = new RunObserver() {
            @Override
            public void onFinished(SequenceRecord s, long nowNanos) {
                t.finished.add(s.id() + " at " + nowNanos + " generated " + s.generatedTokens() + " first " + s.firstTokenNanos()
                        + " preempted " + s.preemptions() + " cached " + s.totalCachedTokens());
            }

            @Override
            public void onInterTokenGaps(long gapNanos, int count) {
                t.gaps.add(gapNanos + "x" + count);
            }
        };
        KvCache kv = new KvCache(kvBlocks, 4, new LruTestEviction());
        Replica replica = new Replica(0, "gpu", scheduler, new RecordingExecutor(t.iterations), kv, true, 64, 2048, loop,
                new RunObserver[] {observer}, (s, now) -> { });
        SplittableRandom random = new SplittableRandom(42);
        long at = 0;
        for (int i = 0; i < requests; i++) {
            at += random.nextLong(3 * MS);
            Request r = Request.of(i, at, 1 + random.nextInt(200), i == stopId ? 900 : 1 + random.nextInt(100));
            boolean sampled = i % 5 == 0;
            loop.at(r.arrivalNanos(), () -> replica.enqueue(new Sequence(r, 0, sampled)));
        }
        if (stopId >= 0) loop.at(at + 400 * MS + 3, () -> replica.stop(stopId));
        loop.run();
        return t;
    }

    /**
     * Continuous batching over {@code decodeRun} — the engine's list (runs) or a copy of it (one decode
     * per sequence) — reading every running sequence's counts; optionally preempting, every 7th
     * iteration, a sequence in the middle of the running list after the decodes were scheduled.
     */
    private static final class Scheduler implements BatchScheduler {
        private final boolean bulk;
        private final boolean preemptInsideRuns;
        /** Prefill-first: prompts (running prefills, then admissions) alone in an iteration, decodes only when none. */
        private final boolean prefillFirst;
        final List<String> counts = new ArrayList<>();
        final int[] cohortPeak = new int[1];
        int pausedWithMembers;
        private int pass;

        Scheduler(boolean bulk, boolean preemptInsideRuns) {
            this(bulk, preemptInsideRuns, false);
        }

        Scheduler(boolean bulk, boolean preemptInsideRuns, boolean prefillFirst) {
            this.bulk = bulk;
            this.preemptInsideRuns = preemptInsideRuns;
            this.prefillFirst = prefillFirst;
        }

        @Override
        public void schedule(ReplicaView replica, BatchPlan plan) {
            List<? extends SequenceView> running = bulk ? replica.running() : new ArrayList<>(replica.running());
            int members = ((Replica) replica).cohort().size();
            cohortPeak[0] = Math.max(cohortPeak[0], members);
            long sum = 0;
            for (SequenceView s : running) sum += 31L * s.generatedTokens() + s.computedTokens() + s.blocksHeld();
            counts.add(running.size() + ":" + sum);
            if (prefillFirst) {
                for (int i = plan.nextPrefilling(running, 0); i < running.size(); i = plan.nextPrefilling(running, i + 1)) {
                    plan.prefill(running.get(i), plan.tokenBudget(), true);
                }
                admit(replica, plan);
                if (plan.size() > 0) {
                    if (members > 0) pausedWithMembers++;
                    return;
                }
            }
            int tail = running.size() - 1;
            int i = 0;
            while (i <= tail) {
                i = plan.decodeRun(running, i, tail + 1);
                if (i > tail) break;
                SequenceView s = running.get(i++);
                if (s.isPrefilling()) {
                    plan.prefill(s, plan.tokenBudget(), true);
                    continue;
                }
                while (!plan.decode(s)) {
                    if (plan.tokenBudget() < 1) return;
                    SequenceView victim = running.get(tail--);
                    plan.preempt(victim);
                    if (victim == s) break;
                }
            }
            if (preemptInsideRuns && ++pass % 7 == 0 && running.size() > 4) plan.preempt(running.get(running.size() / 2));
            admit(replica, plan);
        }

        private static void admit(ReplicaView replica, BatchPlan plan) {
            for (SequenceView s : replica.waiting()) {
                if (plan.seqBudget() <= 0 || plan.tokenBudget() <= 0) return;
                if (plan.isScheduled(s)) continue;
                if (plan.prefill(s, plan.tokenBudget(), s.uncomputedTokens() > replica.maxNumBatchedTokens()) == 0) return;
            }
        }
    }

    /** Time grows with the batch's totals; records every entry of the flat view. */
    private static final class RecordingExecutor implements Executor {
        private final List<String> out;

        RecordingExecutor(List<String> out) {
            this.out = out;
        }

        @Override
        public void attach(ExecutorContext context) {
        }

        @Override
        public long iterationNanos(IterationBatch b) {
            StringBuilder sb = new StringBuilder().append(b.startNanos()).append(' ').append(b.size()).append(' ')
                    .append(b.prefillTokens()).append('/').append(b.decodeTokens()).append(' ').append(b.attentionPairs())
                    .append(' ').append(b.kvTokensTouched()).append(' ').append(b.emittingSequences()).append(" |");
            for (int i = 0; i < b.size(); i++) {
                sb.append(' ').append(b.sequence(i).id()).append(':').append(b.newTokens(i)).append('@').append(b.contextTokens(i))
                        .append(b.isPrefill(i) ? "p" : "d").append(b.emitsToken(i) ? "e" : "");
            }
            out.add(sb.toString());
            return MS + 2_000L * b.decodeTokens() + 500L * b.prefillTokens() + b.attentionPairs() / 64;
        }
    }
}
