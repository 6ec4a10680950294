/**
 * Running a pipeline: building its cluster (admission, router, replicas) and driving it, simulated or
 * live, with {@link dev.servelab.engine.run.PipelineRun}. The loop holds one pending arrival and at most
 * one pending iteration per replica, so its queue stays tiny however long the trace. In a run with remote
 * replicas (live only) the loop also waits on a {@link dev.servelab.engine.run.RemoteEventInbox}: tokens
 * and ends stamped on arrival by the endpoints' threads, applied before each event at their own times.
 * A live run fed by a {@link dev.servelab.engine.spi.LiveRequestStream} (the edge agent's HTTP requests)
 * waits on it through {@code StreamArrivals} instead of pulling a trace: each request arrives at the wall
 * clock's run time when it is taken, and stop notices end requests early.
 *
 * <p>Failures: the {@code Cluster} tracks every replica's health ({@code ReplicaHealth}, probed by
 * {@code EndpointProber}), routes around unhealthy replicas whatever the router picks, and retries
 * failed requests per the pipeline's {@code retry:}; {@code FaultSchedule} puts its {@code faults:} on
 * the loop ({@code StragglerExecutor} for slowdowns, {@code SpikedStream} for load spikes).
 */
package dev.servelab.engine.run;
