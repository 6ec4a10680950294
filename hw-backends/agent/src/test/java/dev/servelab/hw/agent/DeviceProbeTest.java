package dev.servelab.hw.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.cli.Main;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.hw.remote.DeviceEntry;
import dev.servelab.hw.remote.DeviceProbe;
import dev.servelab.hw.remote.DeviceProfile;
import dev.servelab.hw.remote.DeviceRegistry;
import dev.servelab.hw.remote.ProbePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probes a real agent on loopback, saves the profile through the CLI's registry, and simulates
 * the device with {@code exec.device-profile} found through the plugin registry.
 */
class DeviceProbeTest {
    @TempDir
    Path dir;

    @Test
    void probeWritesAProfileTheSimulatorUses() throws Exception {
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(TinyAgentFixture.tinyModel(dir))
                .withIterationFloorMillis(2))) {
            System.setProperty("servelab.home", dir.resolve("home").toString());
            try {
                assertEquals(0, Main.execute("device", "add", agent.baseUri().toString(), "--name", "pi-1"));
                DeviceEntry entry = DeviceRegistry.standard().find("pi-1").orElseThrow();
                DeviceProfile p = new DeviceProbe(entry, new ProbePlan(new int[] {4, 24, 64}, 2, new int[] {1, 4}, 8,
                        Duration.ofSeconds(40))).run();
                assertEquals(3, p.ttft().size());
                assertEquals(2, p.tpot().size());
                assertEquals("tiny", p.model());
                assertTrue(p.rttMs() > 0 && p.rttMs() < 1_000, "rtt " + p.rttMs());
                // each agent iteration takes at least 2 ms; client-side timing on a loaded 2-core machine varies
                // by tens of percent, so only the order of magnitude is asserted
                assertTrue(p.decodeBaseMs() + p.decodeMsPerSequence() >= 1.0, "iteration floor is 2 ms: " + p);
                assertTrue(p.kvCapacityTokens() > 0 && p.hardware().contains("cpus"), p.toString());
                Path saved = DeviceRegistry.standard().saveProfile(p);
                assertEquals(p, DeviceRegistry.readProfile(saved));
                assertTrue(!Files.readString(saved).contains("api_key"));
                assertEquals(0, Main.execute("device", "list"));

                Executor exec = PluginRegistry.load().create(PluginKind.EXECUTOR, "exec.device-profile",
                        new ObjectMapper().createObjectNode().put("profile", saved.toString()).put("slowdown", 2.0),
                        new PluginContext(1, "pools.edge", 0));
                exec.attach(new ExecutorContext("edge", 0, "tiny", "pi", 1, 16, 0.9, 1, null));
                long fourDecodes = exec.iterationNanos(new FixedBatch(4, 0));
                double expectedMs = 2 * (p.decodeBaseMs() + 4 * p.decodeMsPerSequence());
                assertEquals(expectedMs, fourDecodes / 1e6, 1e-3);
                assertEquals((int) (p.kvCapacityTokens() / 16), exec.kvCapacityBlocks(16));
            } finally {
                System.clearProperty("servelab.home");
            }
        }
    }
}
