/**
 * A stored run as the result views need it: {@link dev.servelab.app.data.RunReader} reads one run through
 * the engine's {@link dev.servelab.engine.store.StoreReader} (the one place that knows the SQL) into
 * {@link dev.servelab.app.data.RunData} — the run's requests, sampled token times, iterations and time
 * buckets as column arrays, its {@link dev.servelab.app.data.Summary} keyed by
 * {@link dev.servelab.engine.metrics.MetricKey}, its {@link dev.servelab.app.data.Slo} and pool names. No
 * JavaFX here: readers run on the background executor and hand finished data to the ViewModels.
 */
package dev.servelab.app.data;
