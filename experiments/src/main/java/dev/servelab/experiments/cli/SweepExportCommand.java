package dev.servelab.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.cli.DbOption;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.run.SweepReport;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code servelab sweep export ID --out F.csv}: one CSV row per point: ids, status, parameters, metrics. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export an experiment's points as CSV.")
public final class SweepExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Experiment id")
    long id;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write")
    Path out;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RunStore runs = RunStore.open(db.path()); ExperimentStore xs = ExperimentStore.open(runs)) {
            List<StoredPoint> points = StoredExperiment.load(xs, id).points();
            write(points);
            spec.commandLine().getOut().println("wrote " + points.size() + " points to " + out);
        }
        return 0;
    }

    private void write(List<StoredPoint> points) {
        ObjectMapper json = new ObjectMapper();
        Set<String> params = new LinkedHashSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        List<JsonNode> paramTrees = new ArrayList<>();
        for (StoredPoint p : points) {
            try {
                JsonNode t = json.readTree(p.paramsJson());
                paramTrees.add(t);
                for (Iterator<String> it = t.fieldNames(); it.hasNext(); ) params.add(it.next());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            metrics.addAll(SweepReport.metrics(p).keySet());
        }
        StringBuilder sb = new StringBuilder("point_id,run_id,status,feasible,reason");
        for (String p : params) sb.append(',').append(csv(p));
        for (String m : metrics) sb.append(',').append(csv(m));
        sb.append('\n');
        for (int i = 0; i < points.size(); i++) {
            StoredPoint p = points.get(i);
            sb.append(p.pointId()).append(',').append(p.runId() >= 0 ? String.valueOf(p.runId()) : "").append(',')
                    .append(p.status().dbValue()).append(',').append(p.feasible()).append(',').append(csv(p.reason()));
            for (String k : params) sb.append(',').append(csv(paramTrees.get(i).path(k).asText("")));
            Map<String, Object> m = SweepReport.metrics(p);
            for (String k : metrics) sb.append(',').append(m.get(k) == null ? "" : csv(String.valueOf(m.get(k))));
            sb.append('\n');
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, sb);
        } catch (IOException e) {
            throw new ServeLabException(out + ": cannot write: " + e.getMessage(), e);
        }
    }

    private static String csv(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
