/**
 * Running a pipeline: building its cluster (admission, router, replicas) and driving it, simulated or
 * live, with {@link dev.servelab.engine.run.PipelineRun}. The loop holds one pending arrival and at most
 * one pending iteration per replica, so its queue stays tiny however long the trace. In a run with remote
 * replicas (live only) the loop also waits on a {@link dev.servelab.engine.run.RemoteEventInbox}: tokens
 * and ends stamped on arrival by the endpoints' threads, applied before each event at their own times.
 * A live run fed by a {@link dev.servelab.engine.spi.LiveRequestStream} (the edge agent's HTTP requests)
 * waits on it through {@code StreamArrivals} instead of pulling a trace: each request arrives at the wall
 * clock's run time when it is taken, and stop notices end requests early.
 */
package dev.servelab.engine.run;
