package dev.servelab.hw.perf;

import dev.servelab.engine.cli.CommandProvider;
import dev.servelab.hw.perf.cli.CalibrateCommand;
import dev.servelab.hw.perf.cli.CatalogCommand;
import dev.servelab.hw.perf.cli.FidelityCommand;
import dev.servelab.hw.perf.cli.PredictCommand;
import java.util.List;

/** Adds the performance model's commands to {@code servelab}: predict, calibrate, fidelity, catalog. */
public final class PerfCommands implements CommandProvider {
    @Override
    public List<Object> commands() {
        return List.of(new PredictCommand(), new CalibrateCommand(), new FidelityCommand(), new CatalogCommand());
    }
}
