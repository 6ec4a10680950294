/**
 * What a run reports while it runs, for metrics and the run store: {@link
 * dev.servelab.engine.observe.RunObserver} receives arrivals, rejections, ended requests (as {@link
 * dev.servelab.engine.observe.SequenceRecord}) and one reused {@link dev.servelab.engine.observe.IterationRecord}
 * per iteration. A leaf below the replica, the metrics collector and the store, so that none of them
 * depends on another through it.
 */
package dev.servelab.engine.observe;
