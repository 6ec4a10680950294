package dev.servelab.hw.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one place that checks and stores a new device, against a real registry folder. */
class DeviceRegistrationTest {
    @TempDir
    Path home;

    @Test
    void blanksBecomeDefaultsAndTheDeviceIsStored() throws Exception {
        DeviceRegistry registry = new DeviceRegistry(home);
        DeviceEntry e = new DeviceRegistration(registry).add(DeviceRegistration.Form.of(" http://10.0.0.7:8088 ", "", "", "EDGE_TOKEN"));
        assertEquals("10.0.0.7-8088", e.name());
        assertEquals(ServeLabStreamDialect.ID, e.dialect());
        assertEquals("COMPLETIONS", e.api());
        assertEquals("EDGE_TOKEN", e.apiKeyEnv());
        assertEquals(List.of(e), registry.list());
    }

    @Test
    void theFullFormKeepsRouteModelDialectAndCertificate() throws Exception {
        DeviceRegistry registry = new DeviceRegistry(home);
        DeviceEntry e = new DeviceRegistration(registry).add(new DeviceRegistration.Form("https://gpu.lan:8000", "gpu", "VLLM",
                "chat", "llama", null, "ca.pem"));
        assertEquals("vllm", e.dialect());
        assertEquals("CHAT", e.api());
        assertEquals("llama", e.model());
        assertNull(e.apiKeyEnv());
        assertTrue(Path.of(e.caCert()).isAbsolute(), e.caCert());
        assertEquals("gpu", registry.find("gpu").orElseThrow().name());
    }

    @Test
    void badInputsAreRejectedNamingTheInputAndNothingIsStored() throws Exception {
        DeviceRegistry registry = new DeviceRegistry(home);
        DeviceRegistration r = new DeviceRegistration(registry);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.add(DeviceRegistration.Form.of("10.0.0.7:8088", "", "", "")))
                .getMessage().contains("must start with http://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.add(DeviceRegistration.Form.of("http://h:1", "a b", "", "")))
                .getMessage().contains("device name 'a b'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.add(DeviceRegistration.Form.of("http://h:1", "", "", "sk-1/2")))
                .getMessage().contains("is not an environment variable name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.add(DeviceRegistration.Form.of("http://h:1", "", "klingon", "")))
                .getMessage().contains("unknown dialect 'klingon'"));
        assertEquals(List.of(), registry.list());
    }

    @Test
    void dialectIdsComeFromTheDialectsThemselvesDefaultFirst() {
        List<String> ids = StreamDialect.ids();
        assertEquals(ServeLabStreamDialect.ID, ids.getFirst());
        assertEquals(StreamDialect.all().size(), ids.size());
        for (StreamDialect d : StreamDialect.all()) assertTrue(ids.contains(d.id()), d.id());
    }
}
