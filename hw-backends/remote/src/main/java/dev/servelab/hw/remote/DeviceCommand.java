package dev.servelab.hw.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code servelab device add|probe|list}: the device registry. {@code add} records a URL under a
 * name (with its dialect and the environment variable of its API key), {@code probe} measures it
 * and writes its profile, {@code list} shows what is registered and probed.
 */
@Command(name = "device", mixinStandardHelpOptions = true, description = "Register and probe remote devices.",
        subcommands = {DeviceCommand.Add.class, DeviceCommand.Probe.class, DeviceCommand.ListDevices.class})
public final class DeviceCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Usage: servelab device add URL [--name N] [--dialect D] [--api-key-env VAR]"
                + System.lineSeparator() + "       servelab device probe NAME|URL" + System.lineSeparator()
                + "       servelab device list");
    }

    /** {@code servelab device add URL}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a device by URL.")
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", description = "Base URL, e.g. http://192.168.1.20:8088")
        String url;

        @Option(names = "--name", description = "Name (default: the URL's host and port).")
        String name;

        @Option(names = "--dialect", defaultValue = ServeLabStreamDialect.ID, completionCandidates = DialectIds.class,
                description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        String dialect;

        @Option(names = "--api", defaultValue = "completions", description = "completions or chat (default ${DEFAULT-VALUE}).")
        String api;

        @Option(names = "--model", defaultValue = "", description = "Model to request (default: the first one listed).")
        String model;

        @Option(names = "--api-key-env", description = "Environment variable holding the API key (the key is never stored).")
        String apiKeyEnv;

        @Option(names = "--ca-cert", description = "Certificate (PEM or DER) to trust for this HTTPS device.")
        String caCert;

        @Override
        public Integer call() {
            DeviceRegistry registry = DeviceRegistry.standard();
            DeviceEntry entry;
            try {
                entry = new DeviceRegistration(registry).add(new DeviceRegistration.Form(url, name, dialect, api, model,
                        apiKeyEnv, caCert));
            } catch (IllegalArgumentException e) {
                System.err.println("device add: " + e.getMessage());
                return 2;
            }
            System.out.println("added " + entry.name() + " (" + entry.url() + ", " + entry.dialect() + ") to " + registry.home());
            return 0;
        }
    }

    /** The dialect ids for {@code --dialect}'s help, from {@link StreamDialect#ids()}. */
    static final class DialectIds extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        DialectIds() {
            super(StreamDialect.ids());
        }
    }

    /** {@code servelab device probe NAME|URL}. */
    @Command(name = "probe", mixinStandardHelpOptions = true, description = "Measure a device and save its profile.")
    static final class Probe implements Callable<Integer> {
        @Parameters(index = "0", description = "Registered name or URL.")
        String device;

        @Override
        public Integer call() throws Exception {
            DeviceRegistry registry = DeviceRegistry.standard();
            DeviceEntry entry = registry.find(device).orElse(null);
            if (entry == null && device.matches("https?://.+")) {
                entry = DeviceRegistration.entry(DeviceRegistration.Form.of(device, null, null, null));
            }
            if (entry == null) {
                System.err.println("device probe: no device called " + device + " (add it with 'servelab device add URL')");
                return 2;
            }
            DeviceProfile p;
            try {
                p = new DeviceProbe(entry, ProbePlan.standard()).run();
            } catch (DeviceUnreachableException | IllegalArgumentException e) {
                System.err.println("device probe: " + e.getMessage());
                return 1;
            }
            Path f = registry.saveProfile(p);
            System.out.printf(Locale.ROOT, "%s: model %s, rtt %.1f ms, ttft ≈ %.1f + %.3f ms/token, tpot ≈ %.2f + %.2f ms/seq%n",
                    p.name(), p.model(), p.rttMs(), p.prefillBaseMs(), p.prefillMsPerToken(), p.decodeBaseMs(),
                    p.decodeMsPerSequence());
            System.out.println("profile written to " + f + " (use it with exec.device-profile)");
            return 0;
        }
    }

    /** {@code servelab device list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List registered devices.")
    static final class ListDevices implements Callable<Integer> {
        @Override
        public Integer call() throws IOException {
            DeviceRegistry registry = DeviceRegistry.standard();
            List<DeviceEntry> all = registry.list();
            if (all.isEmpty()) System.out.println("no devices (add one with 'servelab device add URL')");
            for (DeviceEntry d : all) {
                boolean probed = java.nio.file.Files.exists(registry.profilePath(d.name()));
                System.out.printf("%-20s %-40s %-9s %s%s%n", d.name(), d.url(), d.dialect(), probed ? "probed" : "not probed",
                        d.apiKeyEnv() == null ? "" : "  key from $" + d.apiKeyEnv());
            }
            return 0;
        }
    }
}
