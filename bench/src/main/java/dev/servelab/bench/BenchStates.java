package dev.servelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.replica.ReplicaState;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.PluginContext;

/** Replicas in a given state for the benchmarks, built through the engine's own testing seam. */
final class BenchStates {
    static final PluginRegistry REGISTRY = PluginRegistry.load();

    private BenchStates() {
    }

    static <T> T plugin(PluginKind kind, String id, JsonNode settings) {
        return REGISTRY.create(kind, id, settings, new PluginContext(1, "bench", 0));
    }

    /**
     * A replica of {@code batch} running sequences that decode (prompts of 600-1,400 tokens, 20-200
     * tokens generated of 2,000) and {@code batch / 8} waiting ones, with scheduler {@code schedulerId},
     * 16-token blocks and room for all of them.
     */
    static Replica decoding(String schedulerId, int batch) {
        ReplicaState state = new ReplicaState(batch * 300 + 1024, 16);
        for (int i = 0; i < batch; i++) {
            int prompt = 600 + (i * 97) % 800;
            int generated = 20 + (i * 31) % 180;
            state.running(Request.of(i, 0, prompt, 2000), generated, prompt + generated - 1);
        }
        for (int i = 0; i < batch / 8; i++) state.waiting(Request.of(batch + i, 0, 300 + i, 100));
        BatchScheduler scheduler = plugin(PluginKind.SCHEDULER, schedulerId, null);
        return state.replica(scheduler, batch + batch / 8, 1 << 20, new EventLoop());
    }
}
