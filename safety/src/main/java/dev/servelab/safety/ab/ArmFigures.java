package dev.servelab.safety.ab;

import dev.servelab.engine.metrics.RunSummary;
import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.hw.perf.hardware.HardwareCatalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a run's summary into the figures an A/B comparison judges: the {@link dev.servelab.engine.metrics.MetricKey}
 * values, the SLO attainment (requests meeting every SLO over requests that arrived: completed, rejected
 * and failed) and the cost per million tokens (the pools' device-hours at the hardware catalog's hourly
 * price, over the run's duration, per million input plus output tokens; NaN when a pool's hardware has
 * no price, e.g. a remote pool or {@code this-cpu}).
 */
final class ArmFigures {
    private final double usdPerHour;

    ArmFigures(PipelineSpec spec) {
        this.usdPerHour = usdPerHour(spec);
    }

    Map<String, Double> of(RunSummary s) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ComparedMetric m : ComparedMetric.ALL) {
            if (m.source() != null) out.put(m.key(), s.value(m.source()));
        }
        long arrived = s.completed() + s.rejected() + (s.failed() == null ? 0 : s.failed());
        double good = s.requestGoodput() == null ? Double.NaN : s.requestGoodput() * s.duration();
        out.put(ComparedMetric.SLO_ATTAINMENT.key(), arrived == 0 ? Double.NaN : Math.min(1.0, good / arrived));
        long tokens = s.totalInputTokens() + s.totalOutputTokens();
        out.put(ComparedMetric.COST_PER_MILLION_TOKENS.key(), tokens == 0 ? Double.NaN : usdPerHour * s.duration() / 3600 / (tokens / 1e6));
        return out;
    }

    /** The cluster's price per hour: replicas × tensor-parallel devices × hourly price, summed over pools. */
    private static double usdPerHour(PipelineSpec spec) {
        double total = 0;
        HardwareCatalog catalog = null;
        for (PoolSpec p : spec.pools()) {
            if (p.isRemote() || p.hardware() == null || HardwareCatalog.THIS_CPU.equals(p.hardware())) return Double.NaN;
            try {
                if (catalog == null) catalog = HardwareCatalog.standard();
                double price = catalog.get(p.hardware()).hourlyCostUsd();
                if (!(price > 0)) return Double.NaN;
                total += price * p.replicas() * Math.max(1, p.tensorParallel());
            } catch (RuntimeException unknown) {
                return Double.NaN;
            }
        }
        return total;
    }
}
