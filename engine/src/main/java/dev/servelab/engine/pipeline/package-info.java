/**
 * The pipeline model: records for a pipeline file (workload → admission → router → replica pools →
 * executor, SLOs, metrics), the loader that reads YAML or JSON with defaults for everything, and
 * {@code --set} overrides by dotted path. Errors name the file and the node and field.
 */
package dev.servelab.engine.pipeline;
