package dev.servelab.hw.perf;

import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.memory.VidurMemoryPlanner;
import dev.servelab.hw.perf.model.ModelCatalog;
import dev.servelab.hw.perf.model.ModelSpec;
import dev.servelab.hw.perf.operator.Deployment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Vidur's KV sizing (memory_planner.py) on its reference case and by hand. */
class VidurMemoryPlannerTest {
    private final ModelSpec codellama = ModelCatalog.standard().get("codellama-34b");

    @Test
    void codellama34bTp2OnA100GivesVidursBlockCount() {
        // weights per device: 48 x (8192 x 128 x (32 + 2 x 4) + 8192 x 128 x 32 + 3 x 8192 x 22016 / 2) x 2 B
        // = 33,218,887,680 B; 80 GiB x 0.9 - weights = 44,090,523,648 B; one 4,096-token request
        // = 2 B x 2 x 128 x 4 heads x 4096 x 48 layers = 402,653,184 B -> 109 slots x 256 blocks
        long blocks = VidurMemoryPlanner.blocks(codellama, HardwareCatalog.standard().get("a100-80gb"), Deployment.of(2, 1),
                0.1, 4096, 16);
        assertEquals(27_904, blocks);
    }

    @Test
    void aLargerMarginOrLongerRequestsGiveFewerBlocks() {
        var a100 = HardwareCatalog.standard().get("a100-80gb");
        long slotsAt02 = VidurMemoryPlanner.blocks(codellama, a100, Deployment.of(2, 1), 0.2, 4096, 16) / 256;
        assertEquals((long) Math.floor((80.0 * (1L << 30) * 0.8 - 33_218_887_680.0) / 402_653_184.0), slotsAt02);
        assertEquals(0, VidurMemoryPlanner.blocks(codellama, a100, Deployment.of(1, 1), 0.9, 4096, 16),
                "the weights do not fit");
    }
}
