package dev.servelab.engine.run;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.pipeline.FaultSpec;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;
import java.util.List;

/**
 * The workload with {@code load-spike} faults applied: during a spike of factor k over
 * [a, a + d), requests arrive k times as fast. Time is warped, not requests added: the requests
 * that would have arrived in [a, a + k·d) arrive in [a, a + d) (at a + (t − a)/k), and every later
 * one d·(k − 1) earlier, so the trace's requests, order and count stay the same. Spikes apply in
 * the order given, each to the already-warped times.
 */
final class SpikedStream implements RequestStream {
    private final RequestStream inner;
    private final List<FaultSpec> spikes;

    SpikedStream(RequestStream inner, List<FaultSpec> spikes) {
        this.inner = inner;
        this.spikes = spikes;
    }

    @Override
    public Request next() throws IOException {
        Request r = inner.next();
        if (r == null) return null;
        long t = r.arrivalNanos();
        for (FaultSpec f : spikes) t = warp(t, f.atNanos(), f.durationNanos(), f.factor());
        if (t == r.arrivalNanos()) return r;
        return new Request(r.id(), t, r.promptTokens(), r.outputTokens(), r.hashIds(), r.hashBlockTokens(), r.sessionId(),
                r.tenant(), r.sloClass(), r.adapter());
    }

    /** The arrival time {@code t} under a spike of {@code factor} over [{@code at}, {@code at + length}). */
    static long warp(long t, long at, long length, double factor) {
        if (t < at) return t;
        double stretched = length * factor;
        if (t - at < stretched) return at + Math.round((t - at) / factor);
        return Math.round(t - (factor - 1) * length);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
