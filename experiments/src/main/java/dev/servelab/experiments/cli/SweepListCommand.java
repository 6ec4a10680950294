package dev.servelab.experiments.cli;

import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.point.PointStatus;
import dev.servelab.experiments.store.ExperimentInfo;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code servelab sweep list}: the stored experiments. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored experiments.")
public final class SweepListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore runs = RunStore.open(db.path()); ExperimentStore xs = ExperimentStore.open(runs)) {
            out.printf("%-5s %-28s %-10s %-7s %8s %9s %11s %8s  %s%n", "ID", "NAME", "STATUS", "ENGINE", "PLANNED", "COMPLETED",
                    "INFEASIBLE", "FEASIBLE", "CREATED");
            for (ExperimentInfo e : xs.list()) {
                List<StoredPoint> p = xs.points(e.experimentId());
                out.printf("%-5d %-28s %-10s %-7s %8d %9d %11d %8d  %s%n", e.experimentId(), e.name(), e.status().dbValue(), e.engine(),
                        e.pointsPlanned(), count(p, PointStatus.COMPLETED), count(p, PointStatus.INFEASIBLE),
                        p.stream().filter(StoredPoint::feasible).count(), e.createdAt());
            }
        }
        return 0;
    }

    private static long count(List<StoredPoint> points, PointStatus s) {
        return points.stream().filter(p -> p.status() == s).count();
    }
}
