package dev.servelab.app.gui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.servelab.app.data.RunReader;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code servelab gui --open P --run --requests 300 --screenshot F.png} for every pipeline under
 * sample-traces/pipelines/, headless, through the code path the command takes once JavaFX runs
 * ({@link WorkbenchApp#startOn}: the window, the pipeline opened from its file, the scripted run, the
 * PNG): each must end with status 0, write its PNG and store a completed run. A pipeline whose trace,
 * trace folder or model file is absent here (../shared, a generated model) is skipped with the path as
 * the reason. The PNGs are left in target/every-example/ to be looked at.
 */
class EveryExampleScreenshotTest {
    private static final long REQUESTS = 300;
    /** Live pipelines with a bigger model (live-100m once its 408 MB model is generated) are skipped: minutes per run. */
    private static final long LIVE_MODEL_LIMIT_BYTES = 50_000_000;
    private static final Path PIPELINES = Path.of("../sample-traces/pipelines");
    private static final Path OUT = Path.of("target/every-example");
    private static Preload preload;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        preload = Preload.of(PluginRegistry.load());
        Files.createDirectories(OUT);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAndIsShot() throws Exception {
        List<Path> pipelines;
        try (Stream<Path> s = Files.list(PIPELINES)) {
            pipelines = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(pipelines.size() >= 12, "the shipped examples: " + pipelines);
        return pipelines.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> runAndShoot(p)));
    }

    private static void runAndShoot(Path pipeline) throws Exception {
        String missing = missingFile(pipeline);
        assumeTrue(missing == null, () -> pipeline.getFileName() + " needs " + missing + ", absent here");
        String big = bigModel(pipeline);
        assumeTrue(big == null, () -> pipeline.getFileName() + " runs " + big + " live on this CPU: " + REQUESTS
                + " requests take minutes (run it by hand: servelab gui --open " + pipeline + " --run)");
        String name = pipeline.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path png = OUT.resolve(name + ".png");
        Path db = Files.createTempDirectory("every-example").resolve("runs.db");
        Files.deleteIfExists(png);
        GuiOptions o = GuiOptions.builder().open(pipeline).run(true).screenshot(png).db(db).requests(REQUESTS).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Stage[] stage = new Stage[1];
        CompletableFuture<Integer> exit = WaitForAsyncUtils.asyncFx(() -> {
            stage[0] = new Stage();
            return WorkbenchApp.startOn(stage[0], o, preload, out);
        }).get(60, TimeUnit.SECONDS);
        int status;
        try {
            status = exit.get(180, TimeUnit.SECONDS);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get(30, TimeUnit.SECONDS);
        }
        assertEquals(0, status, name + ": exit status; printed: " + bytes);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("wrote " + png), bytes.toString(StandardCharsets.UTF_8));
        assertTrue(Files.size(png) > 20_000, png + " is a real picture: " + Files.size(png) + " bytes");
        List<RunInfo> runs = new RunReader(db).runs();
        assertEquals(1, runs.size(), "one run stored");
        assertEquals(RunStatus.COMPLETED, runs.getFirst().status(), () -> name + ": " + runs.getFirst().error());
        JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs.getFirst().summaryJson());
        long completed = summary.path("completed").asLong();
        assertTrue(completed > 0 && completed <= REQUESTS, name + ": completed " + completed + " of at most " + REQUESTS);
    }

    /** The first file the pipeline names (a trace {@code file}, a trace {@code dir}, a {@code model_file}) that does not exist, or null. */
    private static String missingFile(Path pipeline) {
        List<String> refs = new ArrayList<>();
        collect(PipelineLoader.readTree(pipeline), refs);
        Path base = pipeline.toAbsolutePath().getParent();
        for (String r : refs) if (!Files.exists(base.resolve(r))) return base.resolve(r).normalize().toString();
        return null;
    }

    /** The first model file of the pipeline larger than {@link #LIVE_MODEL_LIMIT_BYTES}, or null. */
    private static String bigModel(Path pipeline) throws java.io.IOException {
        List<String> refs = new ArrayList<>();
        collect(PipelineLoader.readTree(pipeline), refs);
        Path base = pipeline.toAbsolutePath().getParent();
        for (String r : refs) {
            Path f = base.resolve(r).normalize();
            if (r.endsWith(".gguf") && Files.size(f) > LIVE_MODEL_LIMIT_BYTES) return f + " (" + Files.size(f) / 1_000_000 + " MB)";
        }
        return null;
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n == null) return;
        n.properties().forEach(e -> {
            if (List.of("file", "dir", "model_file").contains(e.getKey()) && e.getValue().isTextual()) out.add(e.getValue().asText());
            else collect(e.getValue(), out);
        });
        if (n.isArray()) n.forEach(c -> collect(c, out));
    }
}
