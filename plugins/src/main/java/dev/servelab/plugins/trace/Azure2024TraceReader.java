package dev.servelab.plugins.trace;

import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.TraceReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Azure LLM inference trace 2024 (DynamoLLM, Stojkovic et al., HPCA 2025): one week (May 10–19,
 * 2024) of code and conversation requests, {@code AzureLLMInferenceTrace_{code,conv}_1week.csv}, with
 * the 2023 header {@code TIMESTAMP,ContextTokens,GeneratedTokens} and timestamps carrying a UTC offset
 * ({@code 2024-05-10 00:00:00.009930+00:00}). Streams the file (the code week has about 17 M rows).
 *
 * <p>Because the header equals the 2023 one, {@link #sniff} declines and leaves sniffing to
 * {@code trace.azure-2023}, which reads both; give {@code --format trace.azure-2024} to name it.
 */
@Plugin(id = "trace.azure-2024", summary = "Azure LLM inference trace 2024 (week-long code / conv CSV)",
        source = "DynamoLLM (HPCA'25), Azure/AzurePublicDataset")
public final class Azure2024TraceReader implements TraceReader {

    @Override
    public boolean sniff(String firstLine) {
        return false;
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        return AzureCsvStream.open(file);
    }
}
