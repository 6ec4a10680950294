package dev.servelab.engine.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClientLoop;
import dev.servelab.engine.spi.RequestStream;

import java.io.IOException;

/**
 * Any workload with at most {@code maxConcurrency} requests in flight ({@code servelab run --max-concurrency N},
 * as {@code vllm bench serve --max-concurrency}): requests keep their arrival times but wait for a free slot
 * (see {@link ClientLoop}); a closed-loop workload keeps the smaller of the two limits.
 */
public final class ConcurrencyCap implements RequestStream {
    private final RequestStream inner;
    private final ClientLoop clients;

    public ConcurrencyCap(RequestStream inner, int maxConcurrency) {
        this.inner = inner;
        this.clients = inner.clients().capped(maxConcurrency);
    }

    @Override
    public Request next() throws IOException {
        return inner.next();
    }

    @Override
    public ClientLoop clients() {
        return clients;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
