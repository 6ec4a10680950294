package dev.servelab.plugins.workload;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.workload.TraceSniffer;
import dev.servelab.engine.workload.WorkloadFactory;
import dev.servelab.plugins.traceprofile.TraceProfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Empirical lengths by inverse transform: a uniform draw is mapped through an inverse-CDF table
 * (values at equally spaced probabilities), interpolating linearly and rounding to a whole token.
 */
final class QuantileLengths implements LengthSampler {
    /** Table size used when the lengths come from a trace file. */
    static final int TRACE_POINTS = 1001;
    private final double[] table;

    private QuantileLengths(double[] table) {
        for (int i = 1; i < table.length; i++) {
            if (table[i] < table[i - 1]) throw new ServeLabException("quantiles must be non-decreasing (entry " + i + ")");
        }
        this.table = table;
    }

    static QuantileLengths of(List<Double> quantiles) {
        return new QuantileLengths(quantiles.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static QuantileLengths ofTrace(Path file, String field) {
        PluginRegistry registry = PluginRegistry.load();
        try (RequestStream s = WorkloadFactory.openTrace(registry, TraceSniffer.sniff(registry, file), null, file, 1.0, 0, "trace")) {
            TraceProfile p = TraceProfile.of(s);
            return new QuantileLengths((field.equals("output") ? p.output() : p.input()).quantiles(TRACE_POINTS));
        } catch (IOException e) {
            throw new ServeLabException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public int sample(RandomGenerator rng) {
        double x = rng.nextDouble() * (table.length - 1);
        int i = (int) x;
        double v = i + 1 < table.length ? table[i] + (x - i) * (table[i + 1] - table[i]) : table[i];
        return (int) Math.max(1, Math.round(v));
    }
}
