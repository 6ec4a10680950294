package dev.servelab.hw.jvm;

import dev.servelab.engine.store.IterationDecoder;
import dev.servelab.engine.store.RunStore;
import dev.servelab.hw.sim.LinearIterationModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    static LinearIterationModel fit(RunStore store, long runId, int blockSizeTokens, boolean robust) throws SQLException {
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        try (Connection c = store.newReadConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT first_start_ns, count, data FROM iterations WHERE run_id=? ORDER BY replica, chunk")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IterationDecoder d = IterationDecoder.decode(rs.getLong(1), rs.getInt(2), rs.getBytes(3));
                    for (int i = 0; i < d.startNanos().length; i++) {
                        samples.add(new LinearIterationModel.Sample(d.prefillTokens()[i], d.decodeTokens()[i], 0,
                                (long) d.kvUsedBlocks()[i] * blockSizeTokens, d.endNanos()[i] - d.startNanos()[i]));
                    }
                }
            }
        }
        return robust ? LinearIterationModel.fitRobust(samples) : LinearIterationModel.fit(samples);
    }
}
