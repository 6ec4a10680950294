package dev.servelab.engine.spi;

import dev.servelab.engine.model.Request;

/**
 * A replica that is a remote endpoint batching internally (decision 0002): ServeLab's admission and
 * router pick it; the endpoint's own scheduler batches; it streams tokens whose arrival times are
 * recorded like any replica's. A pool with {@code kind: remote} creates one per replica from its
 * {@code endpoint} node (plugin kind {@code remote}, e.g. {@code remote.openai}).
 *
 * <p>The engine calls {@link #connect()} once before the first event, {@link #submit} on the
 * event-loop thread when the router sends a request here, and {@link #close()} at the end of the run
 * or on cancel. The listener hears every token and then exactly one end per request, from the
 * endpoint's own threads; the engine hands them to its loop thread.
 */
public interface RemoteEndpoint extends AutoCloseable {
    /** The device's name and address, for messages. */
    String name();

    /** Checks the device answers; throws an exception whose message is one line naming the device and why. */
    void connect();

    /** Starts {@code request} and returns at once; the listener hears each token, then exactly one end. */
    void submit(Request request, RemoteTokenListener listener);

    /** Requests submitted whose end has not been reported yet. */
    int inFlight();

    /**
     * Cuts every stream in flight now, as an injected crash or partition of this device does
     * ({@code faults:}): the connections are dropped so the device stops serving them; their ends
     * are still reported. The default does nothing (the run then only stops listening to them).
     */
    default void cutInFlight() {
    }

    /**
     * Stops accepting requests and cuts in-flight streams promptly (bounded); their ends, failed with
     * the tokens received, are still reported.
     */
    @Override
    void close();
}
