package dev.servelab.engine.run;

import dev.servelab.engine.pipeline.HealthSpec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaHealthTest {
    private final ReplicaHealth health = new ReplicaHealth(new HealthSpec(2, 1_000, 30_000), 3);

    @Test
    void aReplicaGoesDownAfterTheConfiguredConsecutiveFailures() {
        assertFalse(health.failed(1, 100));
        assertTrue(health.failed(1, 200));
        assertFalse(health.healthy(1));
        assertFalse(health.allHealthy());
        assertTrue(health.healthy(0));
    }

    @Test
    void anAnswerToARequestSentBeforeTheReplicaWentDownDoesNotReadmitIt() {
        health.failed(1, 100);
        health.failed(1, 200);
        assertFalse(health.answered(1, 150), "sent at 150, before the mark at 200: stale");
        assertFalse(health.healthy(1));
        assertTrue(health.answered(1, 200), "sent at the mark or after (a probe, a fail-open send): re-admits");
        assertTrue(health.healthy(1));
        assertTrue(health.allHealthy());
    }

    @Test
    void aStaleAnswerDoesNotResetTheFailureCountButAFreshOneDoes() {
        health.failed(1, 100);
        health.failed(1, 200);
        health.answered(1, 300);
        assertFalse(health.failed(1, 400), "one failure after re-admission is below the threshold of 2");
        assertTrue(health.failed(1, 500));
    }

    @Test
    void anInjectedFaultHoldsTheReplicaDownWhateverAnswers() {
        health.fault(2, true);
        assertFalse(health.answered(2, 1_000));
        assertFalse(health.healthy(2));
        health.fault(2, false);
        assertTrue(health.healthy(2));
    }
}
