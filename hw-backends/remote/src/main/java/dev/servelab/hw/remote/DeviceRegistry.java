package dev.servelab.hw.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registered devices in {@code <home>/devices.json} and their probe results in
 * {@code <home>/profiles/<name>.json}; {@code <home>} is {@code $SERVELAB_HOME} or
 * {@code ~/.servelab}. Files are written to a temporary file and moved into place, so a crash never
 * leaves half a file. Keys are snake_case, as in pipeline files. Only environment-variable names of
 * API keys are stored.
 */
public final class DeviceRegistry {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    private final Path home;

    public DeviceRegistry(Path home) {
        this.home = home;
    }

    /** The registry at system property {@code servelab.home}, else {@code $SERVELAB_HOME}, else {@code ~/.servelab}. */
    public static DeviceRegistry standard() {
        String env = System.getProperty("servelab.home", System.getenv("SERVELAB_HOME"));
        return new DeviceRegistry(env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".servelab"));
    }

    public Path home() {
        return home;
    }

    public List<DeviceEntry> list() throws IOException {
        Path f = home.resolve("devices.json");
        if (!Files.exists(f)) return List.of();
        try {
            return JSON.readValue(f.toFile(), new TypeReference<List<DeviceEntry>>() { });
        } catch (IOException e) {
            throw new IOException(f + ": not a device list (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Adds or replaces the device of that name. */
    public void put(DeviceEntry entry) throws IOException {
        List<DeviceEntry> all = new ArrayList<>(list());
        all.removeIf(d -> d.name().equals(entry.name()));
        all.add(entry);
        write(home.resolve("devices.json"), all);
    }

    /** The device called {@code nameOrUrl}, or registered with that URL. */
    public Optional<DeviceEntry> find(String nameOrUrl) throws IOException {
        return list().stream().filter(d -> d.name().equals(nameOrUrl) || d.url().equals(nameOrUrl)).findFirst();
    }

    public Path profilePath(String name) {
        return home.resolve("profiles").resolve(name + ".json");
    }

    public Path saveProfile(DeviceProfile p) throws IOException {
        Path f = profilePath(p.name());
        write(f, p);
        return f;
    }

    public static DeviceProfile readProfile(Path f) throws IOException {
        try {
            return JSON.readValue(f.toFile(), DeviceProfile.class);
        } catch (IOException e) {
            throw new IOException(f + ": not a device profile (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static void write(Path f, Object value) throws IOException {
        Files.createDirectories(f.getParent());
        Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
        JSON.writeValue(tmp.toFile(), value);
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
