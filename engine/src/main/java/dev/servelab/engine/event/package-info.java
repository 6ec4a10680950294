/**
 * The event loop and its clock, a leaf that knows nothing else of the engine. {@link
 * dev.servelab.engine.event.EventLoop} runs closures ordered by (time, phase, insertion sequence) on one
 * thread; a {@link dev.servelab.engine.event.Pacer} decides how event time relates to wall time (not at
 * all in simulation, one to one when live, decision 0002); {@link dev.servelab.engine.event.ExternalEvents}
 * lets a live run wait on events stamped by other threads instead of parking. An event may hand the loop
 * the rest of its work ({@code thenRun}), run next before anything else, so that the JIT compiles the two
 * parts apart (decision 0009).
 */
package dev.servelab.engine.event;
