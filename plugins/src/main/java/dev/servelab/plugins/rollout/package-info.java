/**
 * Rollouts inside a pipeline: {@code route.canary} sends a growing share of the traffic to a candidate
 * pool in stages, checks a gate on each stage's traffic and rolls back when a rule fails;
 * {@code route.shadow} mirrors requests to a shadow pool whose results are recorded but not counted
 * in the user-facing metrics. Stage changes and rollbacks are cluster events
 * ({@link dev.servelab.engine.spi.ClusterView#emit}), stored with the run. The gate's rule model
 * ({@link dev.servelab.plugins.rollout.Gate}, {@link dev.servelab.plugins.rollout.GateRule}) is here
 * so that the canary and {@code servelab ab} (module {@code safety}, which depends on this module)
 * check exactly the same rules.
 */
package dev.servelab.plugins.rollout;
