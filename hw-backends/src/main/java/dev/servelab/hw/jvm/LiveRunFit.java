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
 * recorded for that run (prefill tokens, decode tokens and measured duration), the "recalibrate from
 * a live profile run" loop of the design brief. The store keeps no per-iteration attention or KV
 * traffic, so those terms are left at zero and folded into the per-token costs. With {@code robust},
 * rare stalled iterations (GC, JIT, another process) do not pull the fit up.
 */
final class LiveRunFit {
    private LiveRunFit() {
    }

    static LinearIterationModel fit(RunStore store, long runId, boolean robust) throws SQLException {
        List<LinearIterationModel.Sample> samples = new ArrayList<>();
        try (Connection c = store.newReadConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT first_start_ns, count, data FROM iterations WHERE run_id=? ORDER BY replica, chunk")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    IterationDecoder d = IterationDecoder.decode(rs.getLong(1), rs.getInt(2), rs.getBytes(3));
                    for (int i = 0; i < d.startNanos().length; i++) {
                        samples.add(new LinearIterationModel.Sample(d.prefillTokens()[i], d.decodeTokens()[i], 0, 0,
                                d.endNanos()[i] - d.startNanos()[i]));
                    }
                }
            }
        }
        return robust ? LinearIterationModel.fitRobust(samples) : LinearIterationModel.fit(samples);
    }
}
