package dev.servelab.testkit;

import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.AdmissionPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterScriptTest {
    private static final Request R = Request.of(1, 0, 100, 10);

    @Test
    void aScriptedStateIsWhatTheRouterSees() {
        ClusterScript c = ClusterScript.of(3).pool("edge", 0, 1).pool("cloud", 1, 2)
                .waiting(2, 0, 0).running(1, 4, 4).kvUsage(0.1, 0.7, 0.3).tokens(10, 20, 30).now(5);
        assertEquals(3, c.outstandingRequests(0));
        assertEquals(4, c.outstandingRequests(1), "outstanding = waiting + running");
        assertEquals("edge", c.poolName(0));
        assertEquals("cloud", c.poolName(2));
        assertEquals(5, c.nowNanos());
        assertEquals(2, c.route(new LeastWaitingTestRouter(), R), "1 and 2 wait for nothing; 2 has less KV in use");
        c.waitingAt(2, 3);
        assertEquals(1, c.route(new LeastWaitingTestRouter(), R), "the state changes between two decisions");
        assertEquals(Map.of(1, 5), c.routeMany(new LeastWaitingTestRouter(), 5, i -> Request.of(i, 0, 10, 1)));
    }

    @Test
    void aRouterAnsweringOutsideTheClusterFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> ClusterScript.of(2).route((r, c) -> 2, R));
        assertEquals("router returned replica 2 of 2", e.getMessage());
    }

    @Test
    void admissionVerdictsAreCheckedForAReason() {
        ClusterScript c = ClusterScript.of(1);
        Admission rejected = c.admit(new PromptCapTestAdmission(new PromptCapTestAdmission.Settings(50)), R);
        assertFalse(rejected.accepted());
        assertEquals("prompt of 100 tokens over the cap of 50", rejected.reason());
        assertTrue(c.admit(new PromptCapTestAdmission(), R).accepted());
        AdmissionPolicy silent = (r, cluster) -> Admission.reject(null);
        assertThrows(AssertionError.class, () -> c.admit(silent, R));
    }

    @Test
    void perReplicaValuesMustMatchTheReplicaCount() {
        assertThrows(IllegalArgumentException.class, () -> ClusterScript.of(2).waiting(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> ClusterScript.of(2).kvUsage(0.5, 1.5));
    }
}
