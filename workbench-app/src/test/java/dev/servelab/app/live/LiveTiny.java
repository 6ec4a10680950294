package dev.servelab.app.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.app.gui.Examples;
import dev.servelab.engine.pipeline.PipelineLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small live pipeline on the shipped generated model: a few requests that run live in well under a second. */
public final class LiveTiny {
    private LiveTiny() {
    }

    public static Path write(Path dir) throws IOException {
        Path model = Examples.directory().resolve("../models/tiny.gguf").normalize().toAbsolutePath();
        return Files.writeString(dir.resolve("tiny-live.yaml"), """
                name: tiny-live
                seed: 5
                workload:
                  type: workload.poisson
                  rate_per_s: 50
                  requests: 10
                  input: {dist: uniform, min: 8, max: 40}
                  output: {dist: uniform, min: 2, max: 12}
                pools:
                  - max_num_seqs: 8
                    executor: {type: exec.jvm, model_file: %s, kv_budget_mib: 8, warmup_rounds: 1, warmup_ms: 0}
                """.formatted(model));
    }

    public static ObjectNode tree(Path dir) throws IOException {
        return PipelineLoader.readTree(write(dir));
    }
}
