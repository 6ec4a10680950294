package dev.servelab.hw.remote;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Registers a device in a {@link DeviceRegistry}: the one place that checks what a user typed
 * ({@code servelab device add} or the workbench's Devices tab) and stores it. A blank name becomes
 * the URL's host and port, a blank dialect {@code servelab}, a blank route {@code completions};
 * {@code apiKeyEnv} must be the name of an environment variable (the key itself is never stored, and
 * read only when the device is probed or used). Every rejection is an
 * {@link IllegalArgumentException} whose message names the input.
 */
public final class DeviceRegistration {
    /** What a user typed; null or blank means the default. */
    public record Form(String url, String name, String dialect, String api, String model, String apiKeyEnv, String caCert) {
        /** A URL with a name, dialect and key variable, the rest defaults (the Devices tab's form). */
        public static Form of(String url, String name, String dialect, String apiKeyEnv) {
            return new Form(url, name, dialect, null, null, apiKeyEnv, null);
        }
    }

    private final DeviceRegistry registry;

    public DeviceRegistration(DeviceRegistry registry) {
        this.registry = registry;
    }

    /** Checks {@code form}, stores the device (replacing one of the same name) and returns it. */
    public DeviceEntry add(Form form) {
        DeviceEntry entry = entry(form);
        try {
            registry.put(entry);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + registry.home().resolve("devices.json") + ": " + e.getMessage());
        }
        return entry;
    }

    /** The entry {@code form} describes; throws when an input is wrong. */
    public static DeviceEntry entry(Form form) {
        String u = blank(form.url()) ? "" : form.url().strip();
        if (!u.matches("https?://.+")) throw new IllegalArgumentException("URL '" + u + "' must start with http:// or https://");
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("URL '" + u + "' is not a URL");
        }
        String n = blank(form.name()) ? defaultName(uri) : form.name().strip();
        String env = blank(form.apiKeyEnv()) ? null : form.apiKeyEnv().strip();
        if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("'" + env + "' is not an environment variable name (give the variable's name, never the key)");
        }
        String d = blank(form.dialect()) ? ServeLabStreamDialect.ID : form.dialect().strip().toLowerCase(Locale.ROOT);
        String api = blank(form.api()) ? EndpointApi.COMPLETIONS.name() : form.api().strip().toUpperCase(Locale.ROOT);
        String ca = blank(form.caCert()) ? null : Path.of(form.caCert()).toAbsolutePath().toString();
        DeviceEntry entry = new DeviceEntry(n, u, d, api, blank(form.model()) ? "" : form.model(), env, ca);
        new DeviceEntry(n, u, d, api, entry.model(), null, ca).endpoint(); // checks the URL; the key is read only when probing
        return entry;
    }

    /** The name a device gets from its URL: host and port, other characters replaced by '-'. */
    public static String defaultName(URI uri) {
        return (uri.getHost() + "-" + uri.getPort()).replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
