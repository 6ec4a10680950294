package dev.servelab.plugins.cachereplay;

import dev.servelab.engine.plugin.PluginRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cache replay results as curves for a chart: one series per policy, capacity on x (ascending,
 * finite capacities only), hit ratio on y, and the unlimited-capacity ratio (an upper bound drawn
 * as a horizontal line) when capacity 0 was replayed.
 */
public record HitRatioCurve(String title, List<Series> series) {
    public record Point(long capacityBlocks, double hitRatio) {
    }

    /** {@code unlimitedHitRatio} is NaN when capacity 0 was not replayed. */
    public record Series(String policy, List<Point> points, double unlimitedHitRatio) {
    }

    /** Replays {@code trace} once for every policy ({@code kv.*} plugin ids) and capacity and returns the curves. */
    public static HitRatioCurve compute(Path trace, String format, List<String> policies, List<Long> capacities,
                                        PluginRegistry registry) {
        CacheReplay.requirePolicies(registry, policies);
        return of(trace.getFileName().toString(), CacheReplay.run(ChainSource.read(trace, format, registry), policies, capacities, registry));
    }

    public static HitRatioCurve of(String title, List<ReplayResult> results) {
        Map<String, List<ReplayResult>> byPolicy = new LinkedHashMap<>();
        for (ReplayResult r : results) byPolicy.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
        List<Series> series = new ArrayList<>();
        byPolicy.forEach((policy, rs) -> {
            double unlimited = Double.NaN;
            List<Point> points = new ArrayList<>();
            for (ReplayResult r : rs) {
                if (r.capacityBlocks() == 0) unlimited = r.hitRatio();
                else points.add(new Point(r.capacityBlocks(), r.hitRatio()));
            }
            points.sort(Comparator.comparingLong(Point::capacityBlocks));
            series.add(new Series(policy, List.copyOf(points), unlimited));
        });
        return new HitRatioCurve(title, List.copyOf(series));
    }
}
