/**
 * The discrete-event loop and the run driver. A run is a cluster (admission, router, replicas) fed
 * by a request stream; the loop holds one pending arrival and at most one pending iteration per
 * replica, so its queue stays tiny however long the trace. In a run with remote replicas (live
 * only) the loop also waits on a {@link dev.servelab.engine.sim.RemoteEventInbox}: tokens and ends
 * stamped on arrival by the endpoints' threads, applied before each event at their own times.
 */
package dev.servelab.engine.sim;
