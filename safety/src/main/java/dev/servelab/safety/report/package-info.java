/**
 * Reports of an A/B comparison for people: Markdown (for pull-request comments and CI summaries) and a
 * self-contained HTML page with a forest plot of the differences. Both are written from an
 * {@link dev.servelab.safety.ab.AbResult}; neither reads the store again.
 */
package dev.servelab.safety.report;
