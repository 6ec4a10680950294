package dev.servelab.hw.perf.cli;

import dev.servelab.engine.cli.CommandProvider;
import java.util.List;

/** Adds the performance model's commands to {@code servelab}: predict, calibrate, fidelity, catalog. */
public final class PerfCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new PredictCommand(), new CalibrateCommand(), new FidelityCommand(), new CatalogCommand());
    }
}
