package dev.servelab.hw.remote;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.RemoteEndpoint;
import dev.servelab.engine.spi.RemoteTokenListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link RemoteEndpoint} over an {@link OpenAiStreamClient}: each submitted request gets its prompt
 * from a {@link TracePromptBuilder} and streams on its own virtual thread; at most
 * {@code maxConcurrent} streams are open at once (more wait client-side, counted in their TTFT, as
 * a client with a connection pool would see them). Each end it reports is the request's
 * {@link StreamRecord}. The plugin {@code remote.openai} ({@link OpenAiEndpointPlugin}) creates it.
 */
public final class OpenAiRemoteEndpoint implements RemoteEndpoint {
    private final OpenAiStreamClient client;
    private final TracePromptBuilder prompts;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Long, Thread> streams = new ConcurrentHashMap<>();

    public OpenAiRemoteEndpoint(EndpointConfig config, TracePromptBuilder prompts, int maxConcurrent) {
        this.client = new OpenAiStreamClient(config);
        this.prompts = prompts;
        this.slots = new Semaphore(Math.max(1, maxConcurrent));
    }

    @Override
    public String name() {
        return client.config().name();
    }

    @Override
    public void connect() {
        new EndpointCheck(client).models();
    }

    @Override
    public void submit(Request request, RemoteTokenListener listener) {
        RemoteCall call = prompts.call(request);
        inFlight.incrementAndGet();
        threads.execute(() -> {
            StreamRecord record;
            streams.put(call.requestId(), Thread.currentThread());
            try {
                slots.acquire();
                try {
                    record = client.stream(call, listener::onToken);
                } finally {
                    slots.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record = new StreamRecord(call.requestId(), StreamOutcome.FAILED, System.nanoTime(), new long[0], "", null,
                        null, null, 0, "cancelled before it was sent");
            }
            streams.remove(call.requestId());
            Thread.interrupted();
            inFlight.decrementAndGet();
            listener.onEnd(record);
        });
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * An injected crash or partition: interrupts every stream's thread, which drops its connection
     * (a read in progress fails, the body is closed) so the device sees the client go away.
     */
    @Override
    public void cutInFlight() {
        for (Thread t : streams.values()) t.interrupt();
    }

    /**
     * Stops accepting requests and cuts the streams still open (a run that ends has none; a cancelled
     * one does): each ends {@code FAILED} with the tokens it received, reported to its listener
     * before this returns (bounded: 5 s).
     */
    @Override
    public void close() {
        threads.shutdown();
        if (inFlight.get() > 0) client.abort();
        try {
            if (!threads.awaitTermination(5, TimeUnit.SECONDS)) threads.shutdownNow();
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
