package dev.servelab.engine.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;

/**
 * Plays a trace {@code times} times back to back: pass {@code k} starts one mean inter-arrival gap
 * after pass {@code k−1}'s last request, its ids are shifted by {@code k} × (largest id of pass 0 + 1)
 * and its session ids get the suffix {@code #k} so conversations of different passes stay apart.
 * Prefix hashes are kept: a replayed prompt is the same prompt.
 */
public final class ReplayStream implements RequestStream {
    /** Opens a fresh pass over the source. */
    @FunctionalInterface
    public interface Source {
        RequestStream open() throws IOException;
    }

    private final Source source;
    private final int times;
    private RequestStream current;
    private int pass;
    private long offsetNanos;
    private long idSpan;
    private long lastArrival;
    private long passCount;

    public ReplayStream(Source source, int times) throws IOException {
        if (times < 1) throw new IllegalArgumentException("replay must be >= 1, was " + times);
        this.source = source;
        this.times = times;
        this.current = source.open();
    }

    @Override
    public Request next() throws IOException {
        while (current != null) {
            Request r = current.next();
            if (r != null) return shifted(r);
            current.close();
            current = ++pass < times && passCount > 0 ? startPass() : null;
        }
        return null;
    }

    private RequestStream startPass() throws IOException {
        long gap = passCount > 1 ? (lastArrival - offsetNanos) / (passCount - 1) : 1_000_000_000L;
        offsetNanos = lastArrival + gap;
        passCount = 0;
        return source.open();
    }

    private Request shifted(Request r) {
        if (pass == 0) idSpan = Math.max(idSpan, r.id() + 1);
        passCount++;
        long t = offsetNanos + r.arrivalNanos();
        lastArrival = t;
        if (pass == 0) return r;
        String session = r.sessionId() == null ? null : r.sessionId() + "#" + pass;
        return new Request(r.id() + pass * idSpan, t, r.promptTokens(), r.outputTokens(), r.hashIds(),
                r.hashBlockTokens(), session, r.tenant(), r.sloClass(), r.adapter());
    }

    @Override
    public void close() throws IOException {
        if (current != null) current.close();
    }
}
