package dev.servelab.engine.plugin;

import dev.servelab.engine.spi.Executor;

import java.util.ArrayList;
import java.util.List;

/**
 * The live executors among the registered executor plugins, found rather than listed: an executor
 * is live when its default instance says so ({@link Executor#isLive()}, the same marker
 * {@code --live} checks). A live backend id is a live executor's id without its kind prefix: the one
 * rule behind {@code servelab run --live --backend ID}, which runs the pools on {@code exec.ID}. The
 * engine names no backend.
 */
public final class LiveExecutors {
    private LiveExecutors() {
    }

    /** The ids of the live executor plugins ({@code exec.jvm}, ...), in id order. */
    public static List<String> ids(PluginRegistry registry) {
        List<String> out = new ArrayList<>();
        for (PluginDescriptor d : registry.ofKind(PluginKind.EXECUTOR)) {
            if (live(d)) out.add(d.id());
        }
        return List.copyOf(out);
    }

    /** The live backend ids ({@code jvm}, ...): {@link #ids} without the {@code exec.} prefix. */
    public static List<String> backends(PluginRegistry registry) {
        return ids(registry).stream().map(LiveExecutors::backendOf).toList();
    }

    /** The executor id of backend {@code backend}: {@code exec.backend}. */
    public static String executorOf(String backend) {
        return PluginKind.EXECUTOR.prefix() + "." + backend;
    }

    /** The backend id of live executor {@code executorId}. */
    public static String backendOf(String executorId) {
        return executorId.substring(PluginKind.EXECUTOR.prefix().length() + 1);
    }

    /** Plugins have a public no-argument constructor (their defaults); one that fails to build is not offered. */
    private static boolean live(PluginDescriptor d) {
        try {
            return d.type().getConstructor().newInstance() instanceof Executor e && e.isLive();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
