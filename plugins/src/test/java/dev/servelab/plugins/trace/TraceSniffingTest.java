package dev.servelab.plugins.trace;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.workload.TraceSniffer;
import dev.servelab.plugins.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every registered reader is found by its first line, through the real plugin registry. */
class TraceSniffingTest {
    private final PluginRegistry registry = PluginRegistry.load();
    @TempDir
    Path dir;

    @Test
    void realFilesAreRecognised() {
        assertEquals("trace.azure-2023", TraceSniffer.sniff(registry, SharedData.path("traces/azure-llm-2023/AzureLLMInferenceTrace_code.csv")));
        assertEquals("trace.mooncake", TraceSniffer.sniff(registry, SharedData.path("traces/mooncake/synthetic_trace.jsonl")));
        assertEquals("trace.vidur", TraceSniffer.sniff(registry, SharedData.path("vidur-data/processed_traces/splitwise_code.csv")));
        assertEquals("trace.vidur", TraceSniffer.sniff(registry,
                SharedData.path("vidur-data/workloads/replay_splitwise_conv_resampled_poisson_qps8_n100000_seed42.csv.gz")));
    }

    @Test
    void craftedHeadersAreRecognised() throws IOException {
        assertEquals("trace.burstgpt", sniff("Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type"));
        assertEquals("trace.burstgpt", sniff("Timestamp,Session ID,Elapsed time,Model,Request tokens,Response tokens,Total tokens,Log Type"));
        assertEquals("trace.splitwise", sniff("request_id,request_type,application_id,arrival_timestamp,batch_size,prompt_size,token_size"));
        assertEquals("trace.sharegpt", sniff("["));
        assertEquals("trace.sharegpt", sniff("[{\"id\": \"x\", \"conversations\": []}]"));
        assertEquals("trace.azure-2023", sniff("TIMESTAMP,ContextTokens,GeneratedTokens"));
        ServeLabException e = assertThrows(ServeLabException.class, () -> sniff("a,b,c"));
        assertEquals(true, e.getMessage().contains("give --format"));
    }

    private String sniff(String firstLine) throws IOException {
        Path f = dir.resolve("t" + firstLine.hashCode());
        Files.writeString(f, "\n" + firstLine + "\n");
        return TraceSniffer.sniff(registry, f);
    }
}
