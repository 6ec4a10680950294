package dev.servelab.plugins.trace;

import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.TraceReader;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Azure LLM inference trace 2023 (Splitwise, Patel et al., ISCA 2024): CSV with header
 * {@code TIMESTAMP,ContextTokens,GeneratedTokens}, timestamps {@code YYYY-MM-DD HH:MM:SS.fffffff}
 * without a time zone; arrival times are made relative to the first row. Streams the file.
 *
 * <p>The 2024 week-long release has the same header, so sniffing picks this reader for both; it also
 * accepts the 2024 timestamps with a UTC offset.
 */
@Plugin(id = "trace.azure-2023", summary = "Azure LLM inference trace 2023 (code / conv CSV)",
        source = "Splitwise (ISCA'24), Azure/AzurePublicDataset")
public final class AzureTraceReader implements TraceReader {

    @Override
    public boolean sniff(String firstLine) {
        return AzureCsvStream.isHeader(firstLine);
    }

    @Override
    public RequestStream open(Path file) throws IOException {
        return AzureCsvStream.open(file);
    }
}
