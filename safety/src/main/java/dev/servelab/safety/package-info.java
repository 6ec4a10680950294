/**
 * Deployment safety: evidence that a candidate pipeline (a new router, scheduler, eviction policy …)
 * is not worse than the baseline before it ships. {@code servelab ab} runs both pipelines on the same
 * workload in paired rounds, gives per metric a difference with a 95 % confidence interval, a paired
 * signed-rank test and a verdict, checks an optional gate ({@code GATE.yaml}) for CI, and writes a report.
 * The gate's rule model lives in the plugins module ({@code dev.servelab.plugins.rollout}) because
 * {@code route.canary} checks the same rules on each rollout stage's traffic.
 */
package dev.servelab.safety;
