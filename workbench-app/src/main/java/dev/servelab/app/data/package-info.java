/**
 * A stored run as the result views need it: {@link dev.servelab.app.data.RunReader} reads one run through
 * the engine's {@link dev.servelab.engine.store.StoreReader} (the one place that knows the SQL) into
 * {@link dev.servelab.app.data.RunData} — the run's requests, sampled token times, iterations and time
 * buckets as column arrays, its {@link dev.servelab.app.data.Summary} keyed by
 * {@link dev.servelab.engine.metrics.MetricKey}, its {@link dev.servelab.app.data.Slo}, configuration
 * ({@link dev.servelab.app.data.RunConfig}) and pool names. {@link dev.servelab.app.data.RunHead} is a run's row
 * alone (milliseconds to read), so headline numbers show before the details load. No views here: readers run
 * on the background executor and hand finished data to the ViewModels, and every read refuses the JavaFX
 * thread ({@link dev.servelab.app.data.FxThreadGuard}).
 */
package dev.servelab.app.data;
