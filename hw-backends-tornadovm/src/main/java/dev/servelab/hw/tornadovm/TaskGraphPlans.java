package dev.servelab.hw.tornadovm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.ac.manchester.tornado.api.TaskGraph;
import uk.ac.manchester.tornado.api.TornadoExecutionPlan;
import uk.ac.manchester.tornado.api.exceptions.TornadoExecutionPlanException;

/**
 * Compiled TaskGraphs, one execution plan per key (an operation, the identities of its arrays and
 * its scalars: TornadoVM captures both when the graph is built), least recently used evicted with
 * its device memory. Keys are {@link List}s: arrays compare by identity, boxed scalars by value.
 */
final class TaskGraphPlans implements AutoCloseable {
    private final int capacity;
    private final Map<List<Object>, TornadoExecutionPlan> plans;
    private long graphs;

    TaskGraphPlans(int capacity) {
        this.capacity = capacity;
        this.plans = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** Executes the plan of {@code key}, building its graph with {@code build} (given a fresh graph name) first. */
    void execute(List<Object> key, Function<String, TaskGraph> build) {
        TornadoExecutionPlan plan = plans.get(key);
        if (plan == null) {
            plan = new TornadoExecutionPlan(build.apply("servelab" + graphs++).snapshot());
            plans.put(key, plan);
            evictBeyondCapacity();
        }
        try {
            plan.execute();
        } catch (RuntimeException e) {
            throw new IllegalStateException("tornadovm: " + key.getFirst() + " failed on the device: " + e, e);
        }
    }

    /** Plans compiled so far (for reports and tests). */
    long graphsBuilt() {
        return graphs;
    }

    private void evictBeyondCapacity() {
        var it = plans.entrySet().iterator();
        while (plans.size() > capacity && it.hasNext()) {
            TornadoExecutionPlan oldest = it.next().getValue();
            it.remove();
            release(oldest);
        }
    }

    private static void release(TornadoExecutionPlan plan) {
        try {
            plan.freeDeviceMemory();
            plan.close();
        } catch (TornadoExecutionPlanException | RuntimeException e) {
            // the device memory goes with the JVM anyway; nothing else to undo
        }
    }

    @Override
    public void close() {
        plans.values().forEach(TaskGraphPlans::release);
        plans.clear();
    }
}
