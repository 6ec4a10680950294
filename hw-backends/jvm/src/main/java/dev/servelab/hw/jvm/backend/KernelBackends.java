package dev.servelab.hw.jvm.backend;

import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.backend.KernelBackend;
import dev.servelab.hw.backend.KernelBackendProvider;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Finds kernel backends: {@code jvm} is always here; others come from {@link KernelBackendProvider}s
 * on the class path, found by {@link ServiceLoader}. A provider whose class or libraries cannot be
 * loaded ({@link ServiceConfigurationError}, {@link LinkageError}) is skipped and its error kept for
 * the message, so a build without an optional backend, or a JVM started without its runtime, simply
 * runs on the JVM.
 */
public final class KernelBackends {
    /** The name of the always-present JVM backend. */
    public static final String JVM = "jvm";
    /** Asks {@link #prefer} for the first optional backend that opens here. */
    public static final String AUTO = "auto";
    private static final int MAX_PROVIDER_ERRORS = 16;

    private KernelBackends() {
    }

    /** The provider of {@code name} on the class path, if one loads. */
    public static Optional<KernelBackendProvider> provider(String name) {
        return load().providers().stream().filter(p -> name.equals(p.name())).findFirst();
    }

    /** Whether {@code name} can run here, and if not why; never throws. */
    public static BackendProbe probe(String name) {
        if (JVM.equals(name)) {
            return BackendProbe.ready("the JVM (" + Runtime.getRuntime().availableProcessors() + " processors)");
        }
        Found found = load();
        for (KernelBackendProvider p : found.providers()) {
            if (name.equals(p.name())) {
                return safeProbe(p);
            }
        }
        String errors = found.errors().isEmpty() ? "" : " (providers that failed to load: "
                + String.join("; ", found.errors()) + ")";
        return BackendProbe.unavailable("no '" + name + "' kernel backend on the class path" + errors);
    }

    /**
     * Opens {@code name}; throws {@link IllegalStateException} with the probe's reason when it
     * cannot run here.
     */
    public static KernelBackend open(String name) {
        if (JVM.equals(name)) {
            return JvmKernelBackend.best();
        }
        KernelBackendProvider p = provider(name).orElse(null);
        BackendProbe probe = p == null ? probe(name) : safeProbe(p);
        if (p == null || !probe.available()) {
            throw new IllegalStateException(name + ": " + probe.reason());
        }
        try {
            return p.open();
        } catch (LinkageError e) {
            throw new IllegalStateException(name + ": cannot open the backend: " + e, e);
        }
    }

    /**
     * The first optional backend that opens here, else the JVM's; when one answered its probe but
     * failed to open, the choice says so (never a silent fallback).
     */
    public static BackendChoice preferred() {
        return prefer(AUTO, JvmKernelBackend::best);
    }

    /**
     * Backend {@code name} if it opens here, else the JVM's ({@code jvm}) with the reason; {@link #AUTO}
     * asks for the first optional backend that opens. Never throws for a missing or failing backend:
     * the caller records and reports the fallback.
     */
    public static BackendChoice prefer(String name, Supplier<KernelBackend> jvm) {
        if (JVM.equals(name)) return new BackendChoice(jvm.get(), JVM, "");
        if (!AUTO.equals(name)) {
            BackendProbe probe = probe(name);
            if (!probe.available()) return new BackendChoice(jvm.get(), name, probe.reason());
            try {
                return new BackendChoice(open(name), name, "");
            } catch (RuntimeException | LinkageError e) {
                return new BackendChoice(jvm.get(), name, "cannot open the backend: " + e.getMessage());
            }
        }
        List<String> failures = new ArrayList<>();
        String requested = JVM;
        for (KernelBackendProvider p : load().providers()) {
            if (safeProbe(p).available()) {
                if (failures.isEmpty()) requested = p.name();
                try {
                    return new BackendChoice(p.open(), requested, String.join("; ", failures));
                } catch (RuntimeException | LinkageError e) {
                    failures.add(p.name() + ": cannot open the backend: " + e);
                }
            }
        }
        return new BackendChoice(jvm.get(), requested, String.join("; ", failures));
    }

    /**
     * The backend chosen by {@link #prefer}: the one asked for ({@code requested}), the one that
     * runs ({@link #used()}), and why they differ ({@code reason}, empty when they do not).
     */
    public record BackendChoice(KernelBackend backend, String requested, String reason) {
        public String used() {
            return backend.name();
        }

        public boolean fellBack() {
            return !requested.equals(used());
        }
    }

    private static BackendProbe safeProbe(KernelBackendProvider p) {
        try {
            return p.probe();
        } catch (RuntimeException | LinkageError e) {
            return BackendProbe.unavailable(p.name() + " probe failed: " + e);
        }
    }

    private static Found load() {
        List<KernelBackendProvider> providers = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Iterator<KernelBackendProvider> it = ServiceLoader.load(KernelBackendProvider.class,
                KernelBackends.class.getClassLoader()).iterator();
        while (errors.size() < MAX_PROVIDER_ERRORS) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                errors.add(String.valueOf(e.getMessage()));
            }
        }
        return new Found(List.copyOf(providers), List.copyOf(errors));
    }

    private record Found(List<KernelBackendProvider> providers, List<String> errors) {
    }
}
