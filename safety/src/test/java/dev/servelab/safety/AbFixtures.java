package dev.servelab.safety;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.safety.ab.AbAnalysis;
import dev.servelab.safety.ab.AbPlan;
import dev.servelab.safety.ab.AbRound;
import dev.servelab.safety.ab.AbRunner;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

/** The test pipelines of src/test/resources/ab and a way to run rounds of them through the engine. */
final class AbFixtures {
    static final PluginRegistry REGISTRY = PluginRegistry.load();

    private AbFixtures() {
    }

    static Path pipeline(String name) {
        try {
            return Path.of(AbFixtures.class.getResource("/ab/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code rounds} paired rounds with workload seeds firstSeed, firstSeed+1, … */
    static List<AbRound> rounds(RunStore store, String baseline, String candidate, int rounds, long firstSeed) {
        List<Long> seeds = LongStream.range(firstSeed, firstSeed + rounds).boxed().toList();
        AbPlan plan = new AbPlan(pipeline(baseline), pipeline(candidate), null, null, rounds, 0, seeds);
        return new AbRunner(plan, REGISTRY, store, line -> { }).run();
    }

}
