/**
 * Built-in trace readers (ids {@code trace.*}) and writers. Every reader streams its file through
 * {@link dev.servelab.engine.workload.TraceLines} (or, for the one-document ShareGPT JSON, Jackson's
 * streaming parser), so a multi-million-line trace is never held in memory; reads gzip transparently;
 * makes arrival times relative to the first request ({@code ArrivalClock}, which also rejects rows
 * that go back in time); names file and line on bad input; and claims its format from the first line
 * ({@code sniff}) so {@code --format} can be left out.
 *
 * <p>Formats and sources: Azure LLM inference traces 2023 (Patel et al., "Splitwise", ISCA 2024) and
 * 2024 (Stojkovic et al., "DynamoLLM", HPCA 2025), Azure/AzurePublicDataset; Mooncake JSONL with
 * 512-token chained prefix-block hashes (Qin et al., "Mooncake", FAST 2025); BurstGPT (Wang et al.,
 * arXiv:2401.17644); Vidur's request CSV (Agrawal et al., MLSys 2024); SplitwiseSim's request CSV;
 * ShareGPT-style conversations with lengths estimated from text ({@link
 * dev.servelab.plugins.trace.TokenEstimate}). {@link dev.servelab.plugins.trace.TraceWriter} writes the
 * Azure, Mooncake and Vidur layouts back, for generated sample traces and conversions.
 */
package dev.servelab.plugins.trace;
