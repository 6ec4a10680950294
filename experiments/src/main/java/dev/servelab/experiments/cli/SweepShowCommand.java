package dev.servelab.experiments.cli;

import dev.servelab.engine.cli.Json;

import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.run.SweepReport;
import dev.servelab.experiments.store.ExperimentStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code servelab sweep show ID}: an experiment's points and best point, as JSON. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show an experiment: its points and best point (JSON).")
public final class SweepShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Experiment id (see sweep list)")
    long id;

    @Mixin
    DbOption db;

    @Option(names = "--json", description = "One compact line instead of indented JSON")
    boolean json;

    @Override
    public Integer call() {
        try (RunStore runs = RunStore.open(db.path()); ExperimentStore xs = ExperimentStore.open(runs)) {
            StoredExperiment e = StoredExperiment.load(xs, id);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.info().name());
            m.put("status", e.info().status().dbValue());
            m.put("sweep_file", e.info().sweepFile());
            m.putAll(SweepReport.of(id, e.points(), SweepReport.best(e.objective(), e.points())));
            spec.commandLine().getOut().println(json ? Json.compact(m) : Json.pretty(m));
        }
        return 0;
    }
}
