package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.pipeline.NodeSpec;
import dev.servelab.engine.pipeline.Overrides;
import dev.servelab.engine.pipeline.PipelineLoader;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.plugin.SettingProblem;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.hw.perf.hardware.HardwareCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one varied value the way {@code run --set} would: the value applied to the base pipeline
 * (after the first value of each earlier axis, so an axis may set a scheduler and a later one its
 * settings) must make a pipeline that loads (known fields, values in range), whose plugin ids and
 * settings bind and whose hardware the catalog knows. What only fails in combination (the weights do
 * not fit, tensor parallelism beyond a node) is left to the points, as {@code infeasible}.
 */
final class ValueCheck {
    private final Path file;
    private final PluginRegistry registry;
    private final Path base;
    private final ObjectNode baseTree;
    private final Set<String> hardware = HardwareCatalog.standard().ids();

    ValueCheck(Path file, PluginRegistry registry, Path base, ObjectNode baseTree) {
        this.file = file;
        this.registry = registry;
        this.base = base;
        this.baseTree = baseTree;
    }

    /** The base pipeline itself (with the sweep's workload and SLO) must load. */
    void base() {
        List<String> problems = problems(List.of());
        if (!problems.isEmpty()) throw new ServeLabException(file + ": base: " + base + ": " + problems.getFirst());
    }

    /** Checks value {@code i} of {@code axis} applied after {@code before} (the first value of each earlier axis). */
    void value(String field, Axis axis, int i, List<String> before) {
        List<String> problems;
        try {
            List<String> assignments = new ArrayList<>(before);
            assignments.add(axis.assignment(i));
            problems = problems(assignments);
        } catch (ServeLabException e) {
            problems = List.of(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new ServeLabException(file + ": " + field + ": value " + axis.values().get(i) + ": "
                    + problems.getFirst().replace("--set: ", ""));
        }
    }

    private List<String> problems(List<String> assignments) {
        ObjectNode tree = PointTrees.apply(baseTree, assignments);
        PipelineSpec spec = PipelineLoader.fromTree(tree, "sweep", base.toAbsolutePath().getParent());
        List<SettingProblem> out = new ArrayList<>(WorkloadFactory.problems(registry, spec.workload()));
        out.addAll(registry.problems(PluginKind.ADMISSION, spec.admission().type(), spec.admission().settings(), spec.admission().path()));
        out.addAll(registry.problems(PluginKind.ROUTER, spec.router().type(), spec.router().settings(), spec.router().path()));
        List<String> messages = new ArrayList<>();
        for (PoolSpec p : spec.pools()) {
            if (p.isRemote()) continue;
            for (var n : List.of(new Kinded(PluginKind.SCHEDULER, p.scheduler()), new Kinded(PluginKind.EXECUTOR, p.executor()),
                    new Kinded(PluginKind.EVICTION, p.kvCache().eviction()))) {
                out.addAll(registry.problems(n.kind(), n.node().type(), n.node().settings(), n.node().path()));
            }
            if (!hardware.contains(p.hardware()) && !Files.isRegularFile(Path.of(p.hardware()))) {
                messages.add(p.path() + ".hardware: unknown hardware '" + p.hardware() + "' (known: " + String.join(", ", hardware) + ")");
            }
        }
        for (SettingProblem sp : out) messages.add(sp.message());
        return messages;
    }

    private record Kinded(PluginKind kind, NodeSpec node) {
    }

}
