package dev.servelab.engine.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;

/**
 * Transformations applied to any request stream: arrival-rate scaling ({@code rateScale} 2 = twice
 * as many requests per second) and a request-count limit (0 = none).
 */
public final class TransformedStream implements RequestStream {
    private final RequestStream inner;
    private final double rateScale;
    private final long limit;
    private long emitted;

    public TransformedStream(RequestStream inner, double rateScale, long limit) {
        if (!(rateScale > 0)) throw new IllegalArgumentException("rate_scale must be > 0");
        this.inner = inner;
        this.rateScale = rateScale;
        this.limit = limit;
    }

    @Override
    public Request next() throws IOException {
        if (limit > 0 && emitted >= limit) return null;
        Request r = inner.next();
        if (r == null) return null;
        emitted++;
        return rateScale == 1.0 ? r : r.withIdAndArrival(r.id(), Math.round(r.arrivalNanos() / rateScale));
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
