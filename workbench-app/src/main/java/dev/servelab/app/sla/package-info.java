/**
 * SLA charts of a run: latency CDFs with SLO lines, percentiles over time, throughput and goodput, and SLO
 * attainment. The chart factory {@link dev.servelab.app.sla.Charts} (styled by {@code sla.css}, which it adds to
 * every chart) is shared with the runs and cache views.
 */
package dev.servelab.app.sla;
