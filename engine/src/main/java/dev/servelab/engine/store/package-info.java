/**
 * The SQLite run store: schema, run lifecycle (running → completed / failed / cancelled), the
 * recorder that writes a run's rows in batched transactions while it runs, and decoders for the
 * compact per-token and per-iteration encodings. The schema is documented in {@code docs/run-store.md}.
 */
package dev.servelab.engine.store;
