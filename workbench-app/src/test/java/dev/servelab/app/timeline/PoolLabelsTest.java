package dev.servelab.app.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.app.data.PoolNames;
import org.junit.jupiter.api.Test;

/** Replicas are numbered pool by pool, in the pipeline's order; a single-pool run shows no pool labels. */
class PoolLabelsTest {
    @Test
    void replicasTakeTheirPoolsNamesInOrder() {
        String json = """
                {"pools": [{"name": "edge-near", "kind": "remote"}, {"name": "edge-far", "replicas": 1},
                           {"name": "cloud", "replicas": 4}]}""";
        String[] names = PoolNames.of(json, 7);
        assertArrayEquals(new String[] {"edge-near", "edge-far", "cloud", "cloud", "cloud", "cloud", ""}, names);
        PoolLabels p = PoolLabels.of(names);
        assertTrue(p.shown());
        assertEquals("edge-far", p.name(1));
        assertEquals(2, p.index(5));
        assertEquals(-1, p.index(6));
        assertEquals(-1, p.index(99));
        assertEquals("edge-near", p.longest());
    }

    @Test
    void onePoolOrNoPipelineShowsNothing() {
        assertFalse(PoolLabels.of(PoolNames.of("{\"pools\": [{\"name\": \"gpu\", \"replicas\": 3}]}", 3)).shown());
        assertFalse(PoolLabels.of(PoolNames.of("not json", 2)).shown());
        assertFalse(PoolLabels.of(PoolNames.of(null, 2)).shown());
    }
}
