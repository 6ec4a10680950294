package dev.servelab.hw.jvm;

import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.store.StoreReader;
import dev.servelab.hw.sim.LinearIterationModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Recalibrates from a live run: fits the iteration-time model to every iteration the run store
 * recorded for that run, the "recalibrate from a live profile run" loop of the design brief. The
 * store keeps each iteration's prefill and decode tokens and the KV blocks in use at its end; the
 * blocks in use (times the block size) stand in for the KV tokens the iteration read, which is what
 * makes decode steps slower as contexts grow. Attention pairs are not stored, so that term stays at
 * zero and prefill's quadratic part is folded into the per-token costs. With {@code robust}, rare
 * stalled iterations (GC, JIT, another process) do not pull the fit up.
 */
final class LiveRunFit {
    private LiveRunFit() {
    }

    static LinearIterationModel fit(RunStore store, long runId, int blockSizeTokens, boolean robust) {
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        try (StoreReader reader = StoreReader.open(store.file())) {
            for (IterationTable t : reader.iterations(runId)) {
                for (int i = 0; i < t.size(); i++) {
                    samples.add(new LinearIterationModel.Sample(t.prefill()[i], t.decode()[i], 0,
                            (long) t.kvUsedBlocks()[i] * blockSizeTokens, t.end()[i] - t.start()[i]));
                }
            }
        }
        return robust ? LinearIterationModel.fitRobust(samples) : LinearIterationModel.fit(samples);
    }
}
