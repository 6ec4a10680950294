/**
 * The event loop and its clock, a leaf that knows nothing else of the engine. {@link
 * dev.servelab.engine.event.EventLoop} runs closures ordered by (time, phase, insertion sequence) on one
 * thread; a {@link dev.servelab.engine.event.Pacer} decides how event time relates to wall time (not at
 * all in simulation, one to one when live, decision 0002); {@link dev.servelab.engine.event.ExternalEvents}
 * lets a live run wait on events stamped by other threads instead of parking.
 */
package dev.servelab.engine.event;
