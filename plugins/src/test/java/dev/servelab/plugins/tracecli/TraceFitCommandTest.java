package dev.servelab.plugins.tracecli;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.plugins.SharedData;
import dev.servelab.plugins.tracecli.FitComparison.Row;
import dev.servelab.plugins.traceprofile.TraceProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A generator fitted to a real trace reproduces its mean rate and length distributions within a few percent. */
class TraceFitCommandTest {
    @TempDir
    Path dir;

    @Test
    void fitOfTheBurstyCodeTraceReproducesRateAndLengths() throws IOException {
        assertFit("traces/azure-llm-2023/AzureLLMInferenceTrace_code.csv");
    }

    @Test
    void fitOfMooncakeConversationReproducesRateAndLengths() throws IOException {
        assertFit("traces/mooncake/conversation_trace.jsonl");
    }

    private static void assertFit(String trace) throws IOException {
        PluginRegistry registry = PluginRegistry.load();
        Path file = SharedData.path(trace);
        TraceProfile profile = TraceProfile.of(TraceSource.of(registry, file, null, dev.servelab.engine.workload.TraceTransforms.NONE).open(registry));
        FitComparison cmp = new FitComparison(profile.stats(), FitCheck.run(registry, TraceFit.of(profile, TraceFit.DEFAULT_POINTS), 42).stats());
        for (Row row : cmp.rows()) {
            if (row.name().contains("CV")) continue;
            assertTrue(Math.abs(row.relativeError()) < 0.03, trace + ": " + row + "\n" + cmp.table());
        }
    }

    @Test
    void cliWritesAYamlThatGenerateRuns() throws IOException {
        Path yaml = dir.resolve("conv.yaml");
        Path png = dir.resolve("conv.png");
        TraceCli r = TraceCli.run("trace", "fit", SharedData.path("traces/azure-llm-2023/AzureLLMInferenceTrace_conv.csv").toString(),
                "--out", yaml.toString(), "--plot", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("mean rate (req/s)"), r.out());
        assertTrue(Files.size(png) > 10_000);
        String text = Files.readString(yaml);
        assertTrue(text.contains("type: workload.gamma") && text.contains("exact_counts: true"), text.substring(0, 400));
        Path out = dir.resolve("conv-like.csv");
        r = TraceCli.run("trace", "generate", yaml.toString(), "--out", out.toString(), "--requests", "500");
        assertEquals(0, r.exit(), r.err());
        assertEquals(501, Files.readAllLines(out).size());
        TraceCli stats = TraceCli.run("trace", "stats", out.toString(), "--json");
        assertTrue(stats.out().contains("\"format\" : \"trace.azure-2023\""), stats.out());
    }

    @Test
    void generateThenReadBackIsLossless() throws IOException {
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, "workload:\n  type: workload.sessions\n  requests: 300\n  block_tokens: 512\n");
        Path out = dir.resolve("s.jsonl.gz");
        TraceCli r = TraceCli.run("trace", "generate", yaml.toString(), "--out", out.toString(), "--to", "trace.mooncake", "--seed", "3");
        assertEquals(0, r.exit(), r.err());
        TraceCli stats = TraceCli.run("trace", "stats", out.toString(), "--json");
        assertEquals(0, stats.exit(), stats.err());
        assertTrue(stats.out().contains("\"count\" : 300"), stats.out());
        assertTrue(stats.out().contains("prefix_token_hit_ratio"), stats.out());
        Files.writeString(yaml, "workload:\n  type: workload.sessions\n  requests: 30\n  block_tokens: 64\n");
        r = TraceCli.run("trace", "generate", yaml.toString(), "--out", out.toString(), "--to", "trace.mooncake");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("needs 512"), r.err());
        assertTrue(!Files.exists(out), "no half-written file");
    }
}
