/**
 * The SQLite run store: schema, run lifecycle (running → completed / failed / cancelled), the
 * recorder that writes a run's rows in batched transactions while it runs, decoders for the
 * compact per-token and per-iteration encodings, and the one read path back out: {@link
 * dev.servelab.engine.store.StoreReader} decodes a run's tables into column arrays for the
 * workbench, {@link dev.servelab.engine.store.RunExport} into CSV. Only this package holds SQL for
 * the schema documented in {@code docs/run-store.md}.
 */
package dev.servelab.engine.store;
