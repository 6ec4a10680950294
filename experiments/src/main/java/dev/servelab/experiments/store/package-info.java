/**
 * Experiments in the run store: two tables beside {@code runs} in the same SQLite file
 * ({@code experiments}, {@code experiment_points}); each stored point links the run behind it by
 * {@code run_id}. Documented in {@code docs/experiments.md}.
 */
package dev.servelab.experiments.store;
