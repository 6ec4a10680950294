package dev.servelab.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.app.gui.Examples;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.engine.pipeline.Overrides;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;

import java.nio.file.Path;

/** Real simulation runs of the shipped quickstart pipeline into a real SQLite store, for tests. */
public final class TestRuns {
    private TestRuns() {
    }

    public static ObjectNode quickstart(String... overrides) {
        Path q = Examples.quickstart();
        if (q == null) throw new IllegalStateException("sample-traces/pipelines/quickstart.yaml not found from " + Path.of("").toAbsolutePath());
        ObjectNode tree = PipelineLoader.readTree(q);
        for (String o : overrides) Overrides.apply(tree, o);
        return tree;
    }

    /** Runs the quickstart with the given overrides (e.g. {@code workload.requests=200}) and returns the run id. */
    public static long run(Path db, String name, String... overrides) {
        ObjectNode tree = quickstart(overrides);
        tree.put("name", name);
        RunOutcome out = PipelineRunner.start(tree, name, Examples.directory(), db, PluginRegistry.load()).outcome().join();
        return out.runId();
    }
}
