package dev.servelab.hw.agent;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.SequenceView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A scheduler written the way a third party would write one, registered in test META-INF/services:
 * first come first served, decodes first, whole prompts, never preempting. Each request id it
 * schedules for the first time is appended to {@code log_file}, so a test sees which requests the
 * agent's engine handed to it.
 */
@Plugin(id = "batch.test-counting", summary = "FCFS that logs every request it schedules (test plugin)")
public final class CountingTestScheduler implements BatchScheduler {
    public record Settings(@Setting(summary = "file the scheduled request ids are appended to") String logFile) {
        public Settings() {
            this("scheduled.txt");
        }
    }

    private final Path log;
    private final Set<Long> seen = new HashSet<>();

    public CountingTestScheduler() {
        this(new Settings());
    }

    public CountingTestScheduler(Settings settings) {
        this.log = Path.of(settings.logFile());
    }

    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        for (SequenceView s : replica.running()) {
            if (s.isPrefilling()) plan.prefill(s, plan.tokenBudget(), true);
            else plan.decode(s);
            logOnce(s);
        }
        for (SequenceView s : replica.waiting()) {
            if (plan.seqBudget() <= 0 || plan.tokenBudget() <= 0) return;
            if (plan.prefill(s, plan.tokenBudget(), false) == 0) return;
            logOnce(s);
        }
    }

    private void logOnce(SequenceView s) {
        if (!seen.add(s.id())) return;
        try {
            Files.writeString(log, s.id() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
