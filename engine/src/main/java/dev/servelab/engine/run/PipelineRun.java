package dev.servelab.engine.run;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.event.WallClockPacer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.metrics.FaultMetrics;
import dev.servelab.engine.metrics.MetricsCollector;
import dev.servelab.engine.metrics.RunCost;
import dev.servelab.engine.pipeline.FaultSpec;
import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.NewRun;
import dev.servelab.engine.store.RunRecorder;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * One run of a pipeline, from building its cluster to marking it in the store. The pipeline is
 * built (and so validated) before anything is written; the run row is then inserted as
 * {@code running}, rows are recorded as the run goes, and the row is marked completed, failed or
 * cancelled at the end. {@link #cancel()} and {@link #progress()} may be called from other threads.
 */
public final class PipelineRun {
    /** Simulated runs publish progress every 65,536 events; live runs, whose events take real time, after every one. */
    private static final long PROGRESS_EVERY_EVENTS = 1 << 16;
    /** Device prices of the hardware catalogs on the class path, looked up once per JVM. */
    private static final java.util.function.ToDoubleFunction<String> PRICES = RunCost.catalogPrices();
    private final long progressEvery;
    private final PipelineSpec spec;
    private final RunStore store;
    private final String workloadLabel;
    private final long expectedRequests;
    private final EventLoop loop;
    private final MetricsCollector metrics;
    private final RunObserver[] observers;
    private final Cluster cluster;
    private final RequestStream stream;
    private final List<BackendUse> backends = new ArrayList<>();
    private volatile RunProgress progress = new RunProgress(0, 0, 0, 0, 0, 0);
    private long startWall;
    private long startCpu;

    public PipelineRun(PipelineSpec spec, PluginRegistry registry, RequestStream stream, String workloadLabel,
                         long expectedRequests, RunStore store) {
        this(spec, registry, stream, workloadLabel, expectedRequests, store, new EventLoop());
    }

    public PipelineRun(PipelineSpec spec, PluginRegistry registry, RequestStream stream, String workloadLabel,
                         long expectedRequests, RunStore store, EventLoop loop) {
        this(spec, registry, stream, workloadLabel, expectedRequests, store, loop, false);
    }

    /**
     * A live run: the same pipeline on the wall clock ({@link WallClockPacer}, arrivals replayed
     * {@code speed} times faster) with live executors, stored with mode {@code live}.
     */
    public static PipelineRun live(PipelineSpec spec, PluginRegistry registry, RequestStream stream, String workloadLabel,
                                     long expectedRequests, RunStore store, double speed) {
        return new PipelineRun(spec, registry, stream, workloadLabel, expectedRequests, store,
                new EventLoop(new WallClockPacer(speed)), true);
    }

    private PipelineRun(PipelineSpec spec, PluginRegistry registry, RequestStream stream, String workloadLabel,
                          long expectedRequests, RunStore store, EventLoop loop, boolean live) {
        this.progressEvery = live ? 1 : PROGRESS_EVERY_EVENTS;
        this.spec = spec;
        this.store = store;
        this.workloadLabel = workloadLabel;
        this.expectedRequests = expectedRequests;
        this.loop = loop;
        this.stream = spiked(spec, stream);
        this.metrics = new MetricsCollector(spec.slo());
        metrics.measure(stream.clients(), spec.pools().stream().mapToInt(p -> p.replicas() * p.tensorParallel()).sum());
        if (spec.pools().stream().anyMatch(p -> p.lora() != null)) metrics.countLoraSwaps();
        if (spec.pools().stream().anyMatch(p -> p.kvCache() != null && p.kvCache().offload() != null)) metrics.trackTiers();
        FaultMetrics faults = null;
        if (spec.resilience().configured()) {
            faults = new FaultMetrics(spec.metrics().bucketMs() * 1_000_000, spec.slo().isSet());
            metrics.trackFaults(faults);
        }
        this.observers = new RunObserver[faults == null ? 2 : 3];
        observers[0] = metrics;
        observers[1] = new RunObserver() { };
        if (faults != null) observers[2] = faults;
        this.cluster = ClusterBuilder.build(spec, registry, this.stream, loop, observers, live, backends);
        if (faults != null) cluster.setFaultMetrics(faults);
    }

    /** The stream with the pipeline's load-spike faults applied (the stream itself without any). */
    private static RequestStream spiked(PipelineSpec spec, RequestStream stream) {
        List<FaultSpec> spikes = spec.resilience().faults().stream().filter(f -> f.kind() == FaultSpec.FaultKind.LOAD_SPIKE).toList();
        if (spikes.isEmpty()) return stream;
        if (stream instanceof dev.servelab.engine.spi.LiveRequestStream) {
            throw new ServeLabException(spikes.get(0).path() + ": a load spike needs a workload or trace, not a live request stream");
        }
        return new SpikedStream(stream, spikes);
    }

    /** The backends the attached executors run on (empty for simulated runs); a fallback deserves a warning. */
    public List<BackendUse> backends() {
        return List.copyOf(backends);
    }

    /** The versions stored with the run, and the backends when an executor reports one. */
    private Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>(Versions.current());
        if (!backends.isEmpty()) v.put("backends", List.copyOf(backends));
        return v;
    }

    public RunProgress progress() {
        return progress;
    }

    public void cancel() {
        loop.cancel();
    }

    public RunOutcome run(String mode, Consumer<RunProgress> onProgress) {
        RemoteDevices devices = new RemoteDevices(cluster.remoteReplicas(), loop.external());
        try {
            devices.connectAll();
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        long runId = store.beginRun(new NewRun(spec.name(), mode, spec.seed(), workloadLabel, spec.replicaCount(),
                spec.metrics().bucketMs(), toJson(spec.resolved()), toJson(versions())));
        RunRecorder recorder = new RunRecorder(store, runId, spec.replicaCount(), spec.metrics().bucketMs() * 1_000_000);
        observers[1] = recorder;
        startWall = System.nanoTime();
        startCpu = threadCpuNanos();
        if (loop.pacer() instanceof WallClockPacer clock) clock.restart();
        try {
            cluster.start();
            loop.run((now, events) -> {
                progress = snapshot();
                if (onProgress != null) onProgress.accept(progress);
            }, progressEvery);
            if (cluster.arrivals() == 0) {
                throw new ServeLabException(workloadLabel + ": the workload has no requests (an empty trace?); nothing was run");
            }
            devices.closeAll();
            recorder.complete();
            recorder.close();
            progress = snapshot();
            RunOutcome outcome = completed(runId);
            store.finishRun(runId, RunStatus.COMPLETED, toJson(outcome.summary()), null);
            return outcome;
        } catch (CancellationException e) {
            devices.abandon("run cancelled before the stream ended", runNanosNow());
            recorder.abandon();
            String why = "cancelled after " + metrics.completed() + " completed requests at t=" + loop.nowNanos() / 1e9 + " s";
            store.finishRun(runId, RunStatus.CANCELLED, null, why);
            return RunOutcome.ended(runId, RunStatus.CANCELLED, why);
        } catch (RuntimeException | Error e) {
            try {
                devices.abandon("run failed before the stream ended", runNanosNow());
            } catch (RuntimeException ignored) {
                // keep the first error
            }
            recorder.abandon();
            String why = e instanceof ServeLabException ? e.getMessage() : e.toString();
            store.finishRun(runId, RunStatus.FAILED, null, why);
            throw e;
        } finally {
            closeQuietly();
        }
    }

    /** Run time now: the wall clock's in a live run, the last event's in a simulated one. */
    private long runNanosNow() {
        return loop.pacer() instanceof WallClockPacer clock ? Math.max(loop.nowNanos(), clock.elapsedRunNanos()) : loop.nowNanos();
    }

    private RunOutcome completed(long runId) {
        RunSummary summary = metrics.summary();
        long events = loop.processedEvents();
        double wall = (System.nanoTime() - startWall) / 1e9;
        return new RunOutcome(runId, RunStatus.COMPLETED, summary, events, wall, (threadCpuNanos() - startCpu) / 1e9, null,
                RunCost.of(spec, summary, PRICES));
    }

    private RunProgress snapshot() {
        return new RunProgress(loop.nowNanos(), loop.processedEvents(), metrics.arrived(), metrics.completed(),
                expectedRequests, (System.nanoTime() - startWall) / 1e9);
    }

    private void closeQuietly() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // reading is over; nothing to lose
        }
    }

    /** CPU time of the simulation thread (less sensitive than wall time to other load on the machine). */
    private static long threadCpuNanos() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return bean.isCurrentThreadCpuTimeSupported() ? bean.getCurrentThreadCpuTime() : 0;
    }

    static String toJson(Object o) {
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
