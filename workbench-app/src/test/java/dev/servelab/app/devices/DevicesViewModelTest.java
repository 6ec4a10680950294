package dev.servelab.app.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.agent.AgentConfig;
import dev.servelab.hw.agent.EdgeAgentServer;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import dev.servelab.hw.remote.DeviceProfile;
import dev.servelab.hw.remote.DeviceRegistry;
import dev.servelab.hw.remote.ProbePlan;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Devices tab's view model against a real {@code servelab agent} on loopback (the generated
 * tiny model, in-process): add validates and stores only a variable name, probe measures the agent
 * off the calling thread and shows its fits, and an unreachable device fails in one line naming it.
 */
class DevicesViewModelTest {
    private static final ProbePlan SHORT = new ProbePlan(new int[] {4, 24}, 1, new int[] {1, 2}, 6, Duration.ofSeconds(20));

    @TempDir
    Path dir;

    private DevicesViewModel vm() {
        return new DevicesViewModel(new DeviceRegistry(dir.resolve("home")), SHORT, Runnable::run, Runnable::run);
    }

    @Test
    void addRefusesBadInputAndStoresOnlyTheVariableName() throws Exception {
        DevicesViewModel vm = vm();
        vm.refresh();
        assertTrue(vm.devices().isEmpty());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> vm.add("127.0.0.1:8088", "pi", "servelab", ""))
                .getMessage().contains("http://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> vm.add("http://127.0.0.1:8088", "pi 1", "servelab", ""))
                .getMessage().contains("device name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> vm.add("http://127.0.0.1:8088", "pi", "servelab", "sk-abc123/xyz"))
                .getMessage().contains("never the key"));
        vm.add("http://127.0.0.1:8088", "", "vllm", "EDGE_TOKEN");
        assertEquals(1, vm.devices().size());
        DeviceRow row = vm.devices().getFirst();
        assertEquals("127.0.0.1-8088", row.name());
        assertEquals("vllm", row.dialect());
        assertEquals("$EDGE_TOKEN", row.keyEnv());
        assertEquals("not probed", row.probedAt());
        assertTrue(Files.readString(dir.resolve("home/devices.json")).contains("\"api_key_env\" : \"EDGE_TOKEN\""));
    }

    @Test
    void probeMeasuresARealAgentAndSavesItsProfile() throws Exception {
        Path model = dir.resolve("tiny.gguf");
        TinyModelGenerator.generate(model, 42, TinyModelSize.TINY, GgmlType.F32);
        try (EdgeAgentServer agent = EdgeAgentServer.start(AgentConfig.loopback(model).withIterationFloorMillis(2))) {
            DevicesViewModel vm = vm();
            vm.add(agent.baseUri().toString(), "pi-1", "servelab", "");
            Thread caller = Thread.currentThread();
            var probing = vm.probe("pi-1");
            assertTrue(vm.probingProperty().get(), "probe runs in the background");
            assertTrue(vm.statusProperty().get().startsWith("probing pi-1"), vm.statusProperty().get());
            assertTrue(vm.probe("pi-1").isCompletedExceptionally(), "one probe at a time");
            DeviceProfile p = probing.get(30, TimeUnit.SECONDS);
            assertFalse(vm.probingProperty().get());
            assertEquals("tiny", p.model());
            assertEquals(2, p.ttft().size());
            DeviceRow row = vm.devices().getFirst();
            assertEquals("tiny", row.model());
            assertTrue(row.rtt().endsWith(" ms") && row.ttftFit().contains("ms/tok") && row.tpotFit().contains("ms/seq"), row.toString());
            assertTrue(row.kvCapacity().endsWith("tokens"), row.toString());
            assertTrue(vm.statusProperty().get().startsWith("probed pi-1: model tiny"), vm.statusProperty().get());
            assertEquals(p, DeviceRegistry.readProfile(dir.resolve("home/profiles/pi-1.json")));
            assertTrue(caller.isAlive());
        }
    }

    @Test
    void unreachableDeviceFailsInOneLineNamingIt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DevicesViewModel vm = vm();
        vm.add("http://127.0.0.1:" + port, "gone", "servelab", "");
        ExecutionException e = assertThrows(ExecutionException.class, () -> vm.probe("gone").get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof DeviceProbeFailure, e.toString());
        String line = vm.statusProperty().get();
        assertTrue(line.startsWith("probe failed: device gone (http://127.0.0.1:" + port + ")"), line);
        assertEquals(1, line.lines().count(), line);
        assertFalse(vm.probingProperty().get());
        assertEquals("not probed", vm.devices().getFirst().probedAt());
        assertTrue(vm.probe("nobody").isCompletedExceptionally());
        assertTrue(vm.statusProperty().get().contains("no device called nobody"), vm.statusProperty().get());
    }
}
