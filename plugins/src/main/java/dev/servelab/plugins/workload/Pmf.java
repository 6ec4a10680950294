package dev.servelab.plugins.workload;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A discrete distribution over integer values (a ServeGen PMF), sampled by binary search on its CDF. */
record Pmf(int[] values, double[] cumulative, double mean) {

    static Pmf of(String pythonDict) {
        double[][] kv = PythonDictLiteral.parse(pythonDict);
        int n = kv[0].length;
        if (n == 0) return new Pmf(new int[]{0}, new double[]{1}, 0);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(kv[0][a], kv[0][b]));
        int[] values = new int[n];
        double[] cum = new double[n];
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            values[i] = (int) Math.round(kv[0][order[i]]);
            total += kv[1][order[i]];
            weighted += values[i] * kv[1][order[i]];
            cum[i] = total;
        }
        for (int i = 0; i < n; i++) cum[i] /= total;
        return new Pmf(values, cum, weighted / total);
    }

    int sample(RandomGenerator rng) {
        int i = Arrays.binarySearch(cumulative, rng.nextDouble());
        return values[i >= 0 ? i : Math.min(-i - 1, values.length - 1)];
    }
}
