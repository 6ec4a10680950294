/**
 * The per-token timeline: an iteration Gantt per replica above one row per request with its token times. Zoom and
 * pan only change the visible window of {@link dev.servelab.app.timeline.TimelineViewModel}; the canvas repaints
 * once per pulse when something changed.
 */
package dev.servelab.app.timeline;
