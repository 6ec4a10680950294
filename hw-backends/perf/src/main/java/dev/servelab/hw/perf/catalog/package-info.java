/**
 * Where the performance model's catalogs come from: {@link dev.servelab.hw.perf.catalog.CatalogSources}
 * lists the shipped entries (class-path resources under {@code servelab/hardware} and
 * {@code servelab/models}) and the user's overrides in {@code ~/.servelab/}, and
 * {@link dev.servelab.hw.perf.catalog.CatalogException} is the one error a bad catalog file raises,
 * naming the file and field. The bottom of the performance model: it depends on no other package of it.
 */
package dev.servelab.hw.perf.catalog;
