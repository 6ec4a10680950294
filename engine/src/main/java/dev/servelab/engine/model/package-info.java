/**
 * Immutable domain records shared by every module: requests as workloads describe them and the
 * decisions policies return. Mutable per-run state (sequences, replicas) lives in
 * {@code dev.servelab.engine.replica}.
 */
package dev.servelab.engine.model;
