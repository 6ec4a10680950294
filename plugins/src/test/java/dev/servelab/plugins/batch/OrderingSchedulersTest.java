package dev.servelab.plugins.batch;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.testkit.ReplicaRun;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Priority (SLO classes, preemption) and shortest-job-first ordering, one sequence slot. */
class OrderingSchedulersTest {
    private static final long MS = 1_000_000;

    static Request ofClass(long id, long arrival, int output, String slo) {
        return new Request(id, arrival, 32, output, null, 0, null, null, slo);
    }

    @Test
    void anInteractiveRequestPreemptsARunningBatchRequest() {
        ReplicaRun r = ReplicaRun.of(new PriorityScheduler()).iterationMs(5, 0).kv(1000, 16).limits(1, 8192)
                .submit(ofClass(0, 0, 100, "batch"))
                .submit(ofClass(1, 50 * MS, 5, "interactive"))
                .run();
        Sequence batch = r.seq(0);
        Sequence interactive = r.seq(1);
        assertTrue(batch.preemptions() >= 1, "the batch request was preempted");
        assertTrue(interactive.finishNanos() < batch.finishNanos());
        assertTrue(interactive.firstTokenNanos() - 50 * MS <= 10 * MS, "interactive TTFT is one or two iterations");
    }

    @Test
    void equalClassesDoNotPreemptEachOther() {
        ReplicaRun r = ReplicaRun.of(new PriorityScheduler()).iterationMs(5, 0).kv(1000, 16).limits(1, 8192)
                .submit(ofClass(0, 0, 100, "batch"))
                .submit(ofClass(1, 50 * MS, 5, "batch"))
                .run();
        assertEquals(0, r.seq(0).preemptions());
        assertTrue(r.seq(1).firstScheduledNanos() >= r.seq(0).finishNanos());
    }

    @Test
    void aRequestWithoutAnSloClassRanksAfterTheNamedClasses() {
        ReplicaRun r = ReplicaRun.of(new PriorityScheduler()).iterationMs(5, 0).kv(1000, 16).limits(1, 8192)
                .submit(Request.of(0, 0, 32, 100))
                .submit(ofClass(1, 50 * MS, 5, "batch"))
                .run();
        assertTrue(r.seq(0).preemptions() >= 1, "the class-less request was preempted by a named class");
        assertTrue(r.seq(1).finishNanos() < r.seq(0).finishNanos());
    }

    @Test
    void shortestPredictedOutputIsServedFirst() {
        ReplicaRun r = ReplicaRun.of(new ShortestJobFirstScheduler()).iterationMs(5, 0).kv(1000, 16).limits(1, 8192)
                .submit(Request.of(0, 0, 32, 50))
                .submit(Request.of(1, 0, 32, 5))
                .submit(Request.of(2, 0, 32, 20))
                .run();
        List<Long> order = r.finished().stream().sorted(Comparator.comparingLong(Sequence::firstScheduledNanos)).map(Sequence::id).toList();
        assertEquals(List.of(1L, 2L, 0L), order);
    }

    @Test
    void noisyPredictionsAreDeterministicPerRequest() {
        ShortestJobFirstScheduler a = new ShortestJobFirstScheduler(new ShortestJobFirstScheduler.Settings(0.5), new PluginContext(3, "s", 0));
        ShortestJobFirstScheduler b = new ShortestJobFirstScheduler(new ShortestJobFirstScheduler.Settings(0.5), new PluginContext(3, "s", 0));
        Sequence s = new Sequence(Request.of(7, 0, 10, 100), 0, false);
        assertEquals(a.predictedOutput(s), b.predictedOutput(s));
        assertTrue(a.predictedOutput(s) != 100.0);
    }
}
