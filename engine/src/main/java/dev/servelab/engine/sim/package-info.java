/**
 * The discrete-event loop and the run driver. A run is a cluster (admission, router, replicas) fed
 * by a request stream; the loop holds one pending arrival and at most one pending iteration per
 * replica, so its queue stays tiny however long the trace.
 */
package dev.servelab.engine.sim;
