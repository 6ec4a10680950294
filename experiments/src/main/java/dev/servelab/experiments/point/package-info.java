/**
 * Running one sweep point: {@link dev.servelab.experiments.point.PointTask} (everything a worker needs,
 * serializable so a Spark task can carry it) becomes a {@link dev.servelab.experiments.point.PointResult}
 * through {@link dev.servelab.experiments.point.PointRunner}: a normal stored run (or, with a capacity goal,
 * the runs of a {@link dev.servelab.experiments.point.CapacitySearch}), or an {@code infeasible} record with
 * its reason when the point cannot run (over budget, tensor parallelism beyond a node, weights and KV that
 * do not fit), or {@code failed} when the run broke.
 */
package dev.servelab.experiments.point;
