package dev.servelab.app.run;

import dev.servelab.engine.plugin.LiveExecutors;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.hw.backend.BackendProbe;
import dev.servelab.hw.jvm.backend.KernelBackends;

import java.util.ArrayList;
import java.util.List;

/**
 * How the run panel executes a pipeline: in simulation ({@code backend} null) or live on a kernel
 * backend, whose pools then run executor {@code exec.BACKEND} (the CLI's {@code --backend}).
 */
public record ExecutionMode(String backend, String label) {
    public static final ExecutionMode SIMULATION = new ExecutionMode(null, "Simulation");
    public static final ExecutionMode LIVE_JVM = new ExecutionMode(KernelBackends.JVM, "Live — JVM");
    /** Live executors (found among the executor plugins): the pools of a live run must use one of these, and are switched to the chosen one. */
    public static final List<String> LIVE_EXECUTORS = LiveExecutors.ids(PluginRegistry.load());

    public boolean live() {
        return backend != null;
    }

    public String executor() {
        return live() ? "exec." + backend : null;
    }

    /** Simulation, live on the JVM, and live on TornadoVM (named by its device) when a device answers here. */
    public static List<ExecutionMode> found() {
        List<ExecutionMode> out = new ArrayList<>(List.of(SIMULATION, LIVE_JVM));
        BackendProbe t = KernelBackends.probe("tornadovm");
        if (t.available()) out.add(new ExecutionMode("tornadovm", "Live — TornadoVM (" + t.device() + ")"));
        return out;
    }

    @Override
    public String toString() {
        return label;
    }
}
