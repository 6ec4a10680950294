/**
 * Workload plumbing shared by generators and trace readers: length distributions, stream
 * transformations (time window, replay, rate scaling, limits) and opening a pipeline's workload node as a request stream.
 */
package dev.servelab.engine.workload;
