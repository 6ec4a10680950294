package dev.servelab.hw.remote;

import dev.servelab.engine.model.Request;

/**
 * The engine's seam for a replica that is a remote endpoint batching internally (decision 0002):
 * ServeLab's admission and router pick the replica; the endpoint's own scheduler batches; the
 * endpoint streams tokens whose arrival times are recorded like any replica's. The engine calls
 * {@link #connect()} once before the run, {@link #submit} on the event-loop thread when the router
 * sends a request here, and receives every token and the end of each request on the listener, from
 * client threads (so it must hand them to its loop thread, e.g. through a {@link RemoteEventInbox}).
 */
public interface RemoteEndpoint extends AutoCloseable {
    /** The device's name, for messages and the run store. */
    String name();

    /** Checks the device answers; throws {@link DeviceUnreachableException} with one line naming it. */
    void connect();

    /** Starts {@code request} and returns at once; the listener hears each token, then exactly one end. */
    void submit(Request request, RemoteTokenListener listener);

    /** Requests submitted whose end has not been reported yet. */
    int inFlight();

    /** Stops accepting requests and waits (bounded) for in-flight streams; later ends are still reported. */
    @Override
    void close();
}
