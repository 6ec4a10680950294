package dev.servelab.engine.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.store.RunExport;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code servelab runs list|show|compare|export}: the run store from the command line. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List, show, compare and export stored runs.")
public final class RunsCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Command(name = "list", description = "One line per run.")
    int list(@Option(names = "--json", description = "JSON array") boolean json) {
        try (RunStore store = RunStore.open(db.path())) {
            PrintWriter out = spec.commandLine().getOut();
            List<RunInfo> runs = store.listRuns();
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (RunInfo r : runs) rows.add(brief(r));
                out.println(Json.pretty(rows));
                return 0;
            }
            out.printf(Locale.ROOT, "%5s  %-22s %-5s %-11s %-20s %10s %10s %12s%n", "id", "name", "mode", "status",
                    "created", "completed", "req/s", "mean TTFT ms");
            for (RunInfo r : runs) {
                Map<String, Object> s = summary(r);
                out.printf(Locale.ROOT, "%5d  %-22s %-5s %-11s %-20s %10s %10s %12s%n", r.runId(), trim(r.name(), 22),
                        r.mode(), r.status().dbValue(), trim(r.createdAt(), 19), num(s.get(MetricKey.COMPLETED.key())),
                        num(s.get(MetricKey.REQUEST_THROUGHPUT.key())), num(s.get(MetricKey.MEAN_TTFT_MS.key())));
            }
            return 0;
        }
    }

    @Command(name = "show", description = "A run's status, summary and resolved pipeline as JSON.")
    int show(@Parameters(paramLabel = "RUN_ID") long runId) {
        try (RunStore store = RunStore.open(db.path())) {
            RunInfo r = require(store, runId);
            Map<String, Object> m = brief(r);
            m.put("versions", parse(r.versionsJson()));
            m.put("summary", r.summaryJson() == null ? null : parse(r.summaryJson()));
            m.put("pipeline", parse(r.pipelineJson()));
            spec.commandLine().getOut().println(Json.pretty(m));
            return 0;
        }
    }

    @Command(name = "compare", description = "Headline metrics of two or more runs side by side, with the change from the first.")
    int compare(@Parameters(paramLabel = "RUN_ID", arity = "2..*") List<Long> ids,
                @Option(names = "--json", description = "JSON object keyed by metric") boolean json) {
        try (RunStore store = RunStore.open(db.path())) {
            List<Map<String, Object>> summaries = new ArrayList<>();
            for (long id : ids) summaries.add(summary(require(store, id)));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (MetricKey k : MetricKey.COMPARED) m.put(k.key(), summaries.stream().map(s -> s.get(k.key())).toList());
                m.put("run_ids", ids);
                out.println(Json.pretty(m));
                return 0;
            }
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s", "metric"));
            for (int i = 0; i < ids.size(); i++) head.append(String.format(Locale.ROOT, "%14s", "run " + ids.get(i) + (i > 0 ? " (Δ%)" : "")));
            out.println(head);
            for (MetricKey k : MetricKey.COMPARED) out.println(compareRow(k.key(), summaries));
            return 0;
        }
    }

    @Command(name = "export", description = "Export a run's rows as CSV.")
    int export(@Parameters(paramLabel = "RUN_ID") long runId,
               @Option(names = "--what", defaultValue = "requests", description = "requests, tokens, iterations, buckets or summary (default: ${DEFAULT-VALUE})") String what,
               @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout") Path out) throws IOException {
        try (RunStore store = RunStore.open(db.path())) {
            require(store, runId);
            if (out == null) {
                PrintWriter w = spec.commandLine().getOut();
                RunExport.csv(store, runId, what, w);
                w.flush();
            } else {
                Path dir = out.toAbsolutePath().getParent();
                if (dir != null && !Files.isDirectory(dir)) {
                    throw new ServeLabException("--out " + out + ": directory " + dir + " does not exist");
                }
                try (Writer w = Files.newBufferedWriter(out)) {
                    RunExport.csv(store, runId, what, w);
                } catch (java.nio.file.AccessDeniedException e) {
                    throw new ServeLabException("--out " + out + ": permission denied");
                }
                spec.commandLine().getErr().println("wrote " + out);
            }
            return 0;
        }
    }

    private static String compareRow(String key, List<Map<String, Object>> summaries) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s", key));
        Object base = summaries.getFirst().get(key);
        for (int i = 0; i < summaries.size(); i++) {
            Object v = summaries.get(i).get(key);
            String cell = num(v);
            if (i > 0 && base instanceof Number b && v instanceof Number x && b.doubleValue() != 0) {
                cell += String.format(Locale.ROOT, " (%+.1f)", 100 * (x.doubleValue() - b.doubleValue()) / b.doubleValue());
            }
            row.append(String.format(Locale.ROOT, "%14s", cell));
        }
        return row.toString();
    }

    private static RunInfo require(RunStore store, long runId) {
        return store.run(runId).orElseThrow(() -> new ServeLabException(store.file() + ": no run with id " + runId));
    }

    private static Map<String, Object> brief(RunInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId());
        m.put("name", r.name());
        m.put("mode", r.mode());
        m.put("status", r.status().dbValue());
        m.put("created_at", r.createdAt());
        m.put("finished_at", r.finishedAt());
        m.put("seed", r.seed());
        m.put("workload", r.workload());
        m.put("replicas", r.replicas());
        m.put("error", r.error());
        return m;
    }

    private static Map<String, Object> summary(RunInfo r) {
        return r.summaryJson() == null ? Map.of() : Json.MAPPER.convertValue(parse(r.summaryJson()), new TypeReference<>() { });
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new ServeLabException("corrupt JSON in the run store: " + e.getMessage());
        }
    }

    private static String num(Object v) {
        if (v == null) return "-";
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.2f", d);
        return v.toString();
    }

    private static String trim(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n);
    }
}
