package dev.servelab.app.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.servelab.app.data.PoolNames;
import dev.servelab.app.data.RunData;
import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.store.IterationTable;
import dev.servelab.engine.store.TokenTable;

import java.io.IOException;
import java.io.Writer;

/**
 * A run (or a time window of it) as a Chrome trace-event JSON file, which ui.perfetto.dev and
 * chrome://tracing open: process "replicas" with one track per replica (each iteration a slice, its
 * batch in the args), process "requests" with one track per request that has token times (queued,
 * prefill and decode slices), and the cluster events as instant events. Times are microseconds of run
 * time. Format: the Trace Event Format's JSON object form ({@code traceEvents}, {@code ph} X/M/i).
 */
public final class ChromeTrace {
    private static final int REPLICAS_PID = 1;
    private static final int REQUESTS_PID = 2;

    private ChromeTrace() {
    }

    /** Counts of what was written. */
    public record Written(long iterations, long requests, long events) {
        public long total() {
            return iterations + requests + events;
        }
    }

    /** Writes the slices that overlap {@code [fromNanos, toNanos]} (use 0 and Long.MAX_VALUE for the whole run). */
    public static Written write(RunData d, long fromNanos, long toNanos, Writer out) throws IOException {
        long its = 0, reqs = 0, evs = 0;
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeObjectFieldStart("otherData");
            g.writeStringField("run", "#" + d.info().runId() + " " + d.info().name());
            g.writeStringField("generator", "ServeLab workbench");
            g.writeEndObject();
            g.writeArrayFieldStart("traceEvents");
            meta(g, "process_name", REPLICAS_PID, 0, "replicas");
            meta(g, "process_name", REQUESTS_PID, 0, "requests");
            String[] pools = PoolNames.of(d.info().pipelineJson(), d.info().replicas());
            for (IterationTable it : d.iterations()) {
                String pool = it.replica() < pools.length && !pools[it.replica()].isEmpty() ? " (" + pools[it.replica()] + ")" : "";
                meta(g, "thread_name", REPLICAS_PID, it.replica(), "replica " + it.replica() + pool);
                its += iterations(g, it, fromNanos, toNanos);
            }
            reqs = requests(g, d.tokens(), fromNanos, toNanos);
            for (ClusterEvent e : d.events()) {
                if (e.atNanos() < fromNanos || e.atNanos() > toNanos) continue;
                g.writeStartObject();
                g.writeStringField("name", e.kind().dbValue());
                g.writeStringField("cat", "cluster");
                g.writeStringField("ph", "i");
                g.writeStringField("s", e.replica() >= 0 ? "t" : "g");
                g.writeNumberField("ts", e.atNanos() / 1e3);
                g.writeNumberField("pid", REPLICAS_PID);
                g.writeNumberField("tid", Math.max(0, e.replica()));
                g.writeObjectFieldStart("args");
                g.writeStringField("detail", e.detail());
                g.writeEndObject();
                g.writeEndObject();
                evs++;
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return new Written(its, reqs, evs);
    }

    private static long iterations(JsonGenerator g, IterationTable it, long from, long to) throws IOException {
        long n = 0;
        for (int i = 0; i < it.size(); i++) {
            if (it.end()[i] < from || it.start()[i] > to) continue;
            g.writeStartObject();
            g.writeStringField("name", it.prefill()[i] > 0 ? (it.decode()[i] > 0 ? "prefill+decode" : "prefill") : "decode");
            g.writeStringField("cat", "iteration");
            g.writeStringField("ph", "X");
            g.writeNumberField("ts", it.start()[i] / 1e3);
            g.writeNumberField("dur", (it.end()[i] - it.start()[i]) / 1e3);
            g.writeNumberField("pid", REPLICAS_PID);
            g.writeNumberField("tid", it.replica());
            g.writeObjectFieldStart("args");
            g.writeNumberField("batch", it.batch()[i]);
            g.writeNumberField("prefill_tokens", it.prefill()[i]);
            g.writeNumberField("decode_tokens", it.decode()[i]);
            g.writeNumberField("kv_blocks", it.kvUsedBlocks()[i]);
            g.writeEndObject();
            g.writeEndObject();
            n++;
        }
        return n;
    }

    private static long requests(JsonGenerator g, TokenTable t, long from, long to) throws IOException {
        long n = 0;
        for (int r = 0; r < t.rows(); r++) {
            int s = t.start()[r], e = t.start()[r + 1];
            long arrival = t.arrival()[r], last = e > s ? t.times()[e - 1] : t.firstScheduled()[r];
            if (last < from || arrival > to) continue;
            long id = t.requestId()[r];
            meta(g, "thread_name", REQUESTS_PID, id, "request " + id + " · replica " + t.replica()[r]);
            slice(g, "queued", arrival, t.firstScheduled()[r], id, e - s);
            if (e > s) {
                slice(g, "prefill", t.firstScheduled()[r], t.times()[s], id, e - s);
                slice(g, "decode", t.times()[s], t.times()[e - 1], id, e - s);
            }
            n++;
        }
        return n;
    }

    private static void slice(JsonGenerator g, String name, long start, long end, long id, int tokens) throws IOException {
        if (end < start) return;
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("cat", "request");
        g.writeStringField("ph", "X");
        g.writeNumberField("ts", start / 1e3);
        g.writeNumberField("dur", (end - start) / 1e3);
        g.writeNumberField("pid", REQUESTS_PID);
        g.writeNumberField("tid", id);
        g.writeObjectFieldStart("args");
        g.writeNumberField("output_tokens", tokens);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void meta(JsonGenerator g, String what, int pid, long tid, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", what);
        g.writeStringField("ph", "M");
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField("name", name);
        g.writeEndObject();
        g.writeEndObject();
    }
}
