package dev.servelab.experiments.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.SplittableRandom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands a sweep into its points: the combinations its {@link Search} picks, each repeated for
 * every seed. Deterministic: the same sweep gives the same points in the same order.
 */
public final class PointPlanner {
    private PointPlanner() {
    }

    public static List<PointPlan> plan(SweepSpec sweep) {
        List<int[]> combos = switch (sweep.search().kind()) {
            case GRID -> grid(sweep.axes());
            case RANDOM -> random(sweep.axes(), sweep.search().count(), sweep.search().seed());
            case LHS -> lhs(sweep.axes(), sweep.search().count(), sweep.search().seed());
        };
        List<PointPlan> out = new ArrayList<>();
        List<Long> seeds = sweep.seeds().isEmpty() ? java.util.Collections.singletonList(null) : sweep.seeds();
        for (int[] combo : combos) {
            for (Long seed : seeds) {
                LinkedHashMap<String, JsonNode> params = new LinkedHashMap<>();
                for (int a = 0; a < combo.length; a++) params.put(sweep.axes().get(a).path(), sweep.axes().get(a).values().get(combo[a]));
                if (seed != null) params.put("seed", LongNode.valueOf(seed));
                out.add(new PointPlan(out.size(), params));
            }
        }
        return out;
    }

    /** The number of combinations of the axes (saturating). */
    public static long gridSize(List<Axis> axes) {
        long n = 1;
        for (Axis a : axes) n = Math.multiplyExact(n, a.values().size());
        return n;
    }

    static List<int[]> grid(List<Axis> axes) {
        long size = gridSize(axes);
        List<int[]> out = new ArrayList<>();
        for (long i = 0; i < size; i++) out.add(decode(axes, i));
        return out;
    }

    /** Combination number {@code i} of the grid, the last axis varying fastest. */
    private static int[] decode(List<Axis> axes, long i) {
        int[] c = new int[axes.size()];
        for (int a = axes.size() - 1; a >= 0; a--) {
            int n = axes.get(a).values().size();
            c[a] = (int) (i % n);
            i /= n;
        }
        return c;
    }

    static List<int[]> random(List<Axis> axes, int count, long seed) {
        long size = gridSize(axes);
        if (count >= size) return grid(axes);
        SplittableRandom rng = new SplittableRandom(seed);
        Set<Long> picked = new LinkedHashSet<>();
        while (picked.size() < count) picked.add(rng.nextLong(size));
        List<int[]> out = new ArrayList<>();
        for (long i : picked) out.add(decode(axes, i));
        return out;
    }

    static List<int[]> lhs(List<Axis> axes, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] strata = new int[axes.size()][];
        for (int a = 0; a < axes.size(); a++) strata[a] = permutation(count, rng);
        Set<Long> seen = new LinkedHashSet<>();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] c = new int[axes.size()];
            long code = 0;
            for (int a = 0; a < axes.size(); a++) {
                int n = axes.get(a).values().size();
                double u = (strata[a][i] + rng.nextDouble()) / count;
                c[a] = Math.min(n - 1, (int) (u * n));
                code = code * n + c[a];
            }
            if (seen.add(code)) out.add(c);
        }
        return out;
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
