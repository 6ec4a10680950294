/**
 * The memory / KV budget panel under the pipeline editor: for the selected pool, the per-device budget the
 * perf backend's {@code KvMemoryModel} computes from the model and hardware catalogs (the numbers
 * {@code servelab catalog --model M --hardware H --tp N} prints) and how many sequences of a context length
 * fit at once. Reads the editor's selection, never edits it; computes off the JavaFX thread.
 */
package dev.servelab.app.budget;
