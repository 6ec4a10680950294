package dev.servelab.plugins.admission;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.model.Admission;
import dev.servelab.testkit.ClusterScript;
import dev.servelab.testkit.PipelineResult;
import dev.servelab.testkit.PipelineScenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of 20 requests (1,000-token prompts, 10 output tokens) at t = 0 on one replica whose
 * iterations take 1 ms + 0.1 ms per token, i.e. 10,000 tokens/s.
 */
class AdmissionTest {
    static String pipeline(String admission) {
        return """
                name: admission
                admission: %s
                pools:
                  - name: gpu
                    replicas: 1
                    max_num_seqs: 64
                    max_num_batched_tokens: 8192
                    kv_cache: {block_size: 16, capacity_blocks: 4000}
                    executor: {type: exec.test-linear, base_ms: 1, per_token_ms: 0.1}
                """.formatted(admission);
    }

    static List<Request> burst() {
        List<Request> rs = new ArrayList<>();
        for (int i = 0; i < 20; i++) rs.add(Request.of(i, 0, 1000, 10));
        return rs;
    }

    @Test
    void sloEarlyRejectRefusesWhatWouldMissItsTtftAndTheRestMeetIt() {
        PipelineResult o = PipelineScenario.yaml(pipeline(
                "{type: admission.slo-early-reject, ttft_slo_ms: 500, tokens_per_s: 10000, base_ms: 1}")).requests(burst()).run();
        // predicted TTFT of the k-th: 1 + (1,010 k + 1,000) / 10 ms; k = 4 gives 505 ms > 500
        assertEquals(4, o.count("completed"));
        assertEquals(16, o.count("rejected"));
        o.rows().values().stream().filter(r -> r.status().equals("rejected"))
                .forEach(r -> assertTrue(r.reason().startsWith("predicted TTFT"), r.reason()));
        o.rows().values().stream().filter(r -> r.status().equals("completed"))
                .forEach(r -> assertTrue(r.ttftMs() <= 500, "admitted request meets its SLO: " + r.ttftMs()));

        PipelineResult all = PipelineScenario.yaml(pipeline("admission.accept-all")).requests(burst()).run();
        long missed = all.rows().values().stream().filter(r -> r.ttftMs() > 500).count();
        assertTrue(missed >= 10, "without admission control most of the burst misses: " + missed);
    }

    @Test
    void boundedQueueShedsArrivalsBeyondTheBound() {
        PipelineResult o = PipelineScenario.yaml(pipeline("{type: admission.bounded-queue, max_waiting: 3}")).requests(burst()).run();
        assertEquals(3, o.count("completed"));
        assertEquals(17, o.count("rejected"));
        assertTrue(o.rows().values().stream().filter(r -> r.status().equals("rejected")).allMatch(r -> r.reason().startsWith("queue full")));
    }

    @Test
    void boundedQueueCountsTheWaitingRequestsOfEveryReplica() {
        BoundedQueueAdmission bound = new BoundedQueueAdmission(new BoundedQueueAdmission.Settings(5));
        ClusterScript cluster = ClusterScript.of(3).waiting(2, 1, 1).running(8, 8, 8);
        assertTrue(cluster.admit(bound, Request.of(0, 0, 10, 1)).accepted(), "4 waiting, running ones do not count");
        Admission full = cluster.waitingAt(2, 2).admit(bound, Request.of(1, 0, 10, 1));
        assertEquals("queue full: 5 waiting >= max_waiting 5", full.reason());
    }
}
