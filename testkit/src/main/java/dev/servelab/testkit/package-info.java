/**
 * The ServeLab test kit: everything a plugin author needs to test a policy, from a single decision
 * to a whole simulated run, with the engine's real components wherever the engine has them.
 *
 * <ul>
 *   <li>Scripted states, for one decision at a time: {@link dev.servelab.testkit.ClusterScript} is a
 *       cluster whose loads, queues and KV usage the test sets, for a {@code Router} or an
 *       {@code AdmissionPolicy}; {@link dev.servelab.testkit.ReplicaScript} is a replica with scripted
 *       waiting and running sequences and a KV budget — the engine's own replica, sequences and KV
 *       cache placed in that state — whose one scheduling pass ({@link dev.servelab.testkit.PlannedIteration})
 *       records what a {@code BatchScheduler} decided through the engine's plan; {@link dev.servelab.testkit.EvictionScript}
 *       drives an {@code EvictionPolicy} inside the engine's real KV cache.</li>
 *   <li>Real runs with invariants checked at the end: {@link dev.servelab.testkit.ReplicaRun} is one
 *       engine replica on an event loop; {@link dev.servelab.testkit.PipelineScenario} is a whole
 *       pipeline (YAML or a tree built in code) simulated into a temporary SQLite run store. Both fail
 *       when a KV block leaks, a request neither completes nor is rejected with a reason, or the
 *       token accounting does not add up.</li>
 *   <li>{@link dev.servelab.testkit.ServiceRegistrations}: every {@code @Plugin} class of a module is
 *       listed in its {@code META-INF/services}.</li>
 * </ul>
 *
 * <p>Checks fail with {@link java.lang.AssertionError}, so the kit works with any test framework.
 * {@link dev.servelab.testkit.LinearTimeExecutor} ({@code exec.test-linear}) gives simulated
 * iterations a duration simple enough to compute by hand.
 */
package dev.servelab.testkit;
