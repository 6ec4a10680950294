package dev.servelab.engine.metrics;

import dev.servelab.engine.pipeline.PipelineSpec;
import dev.servelab.engine.pipeline.PoolPrice;
import dev.servelab.engine.pipeline.PoolSpec;
import dev.servelab.engine.spi.HardwarePrices;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.ToDoubleFunction;

/**
 * What a run costs, computed in this one place for run summaries and sweep points: the GPUs its
 * engine pools occupy (replicas × tensor parallelism), their price per hour (each pool's own
 * {@code price_usd_per_hour} when the pipeline sets one, else its hardware priced by
 * {@link HardwarePrices}), the price of a million output tokens at the run's output
 * throughput, goodput per GPU and energy per output token. A value is null when it cannot be known
 * (an unpriced device, no SLO for goodput, no output tokens).
 */
public record RunCost(int gpus, Double costPerHourUsd, Double costPerMillionOutputTokensUsd, Double requestGoodputPerGpu,
                      Double energyJoulesPerOutputToken) {

    /** The keys this record adds to a run summary, in order. */
    public enum Key {
        GPUS("gpus"), COST_PER_HOUR_USD("cost_per_hour_usd"),
        COST_PER_MILLION_OUTPUT_TOKENS_USD("cost_per_million_output_tokens_usd"),
        REQUEST_GOODPUT_PER_GPU("request_goodput_per_gpu"), ENERGY_JOULES_PER_OUTPUT_TOKEN("energy_joules_per_output_token");

        private final String key;

        Key(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The cost of a run of {@code spec} that produced {@code summary}, with devices priced by {@code usdPerDeviceHour}. */
    public static RunCost of(PipelineSpec spec, RunSummary summary, ToDoubleFunction<String> usdPerDeviceHour) {
        int gpus = gpus(spec);
        Double costPerHour = finite(perHourUsd(spec, usdPerDeviceHour));
        Double perMillion = costPerHour == null || !(summary.outputThroughput() > 0) ? null
                : finite(costPerHour / 3600.0 / summary.outputThroughput() * 1e6);
        Double goodputPerGpu = summary.requestGoodput() == null || gpus == 0 ? null : finite(summary.requestGoodput() / gpus);
        Double energy = summary.totalOutputTokens() > 0 ? finite(summary.energyJ() / summary.totalOutputTokens()) : null;
        return new RunCost(gpus, costPerHour, perMillion, goodputPerGpu, energy);
    }

    /**
     * What a pipeline's engine pools cost per hour: each pool's devices (replicas × tensor parallelism)
     * at the pool's own {@code price_usd_per_hour} ({@link PoolPrice}) or else at {@code usdPerDeviceHour}
     * of its hardware; NaN when a device has no price.
     */
    public static double perHourUsd(PipelineSpec spec, ToDoubleFunction<String> usdPerDeviceHour) {
        double perHour = 0;
        for (int i = 0; i < spec.pools().size(); i++) {
            PoolSpec p = spec.pools().get(i);
            if (p.isRemote()) continue;
            Double own = PoolPrice.override(spec, i);
            perHour += (own != null ? own : usdPerDeviceHour.applyAsDouble(p.hardware())) * p.replicas() * p.tensorParallel();
        }
        return perHour;
    }

    /** The GPUs a pipeline's engine pools occupy: replicas × tensor parallelism, summed. */
    public static int gpus(PipelineSpec spec) {
        return spec.pools().stream().filter(p -> !p.isRemote()).mapToInt(p -> p.replicas() * p.tensorParallel()).sum();
    }

    /** Prices from every {@link HardwarePrices} on the class path: the first that knows the device; NaN when none does. */
    public static ToDoubleFunction<String> catalogPrices() {
        List<HardwarePrices> catalogs = ServiceLoader.load(HardwarePrices.class, RunCost.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
        return hardware -> {
            for (HardwarePrices c : catalogs) {
                double v = c.usdPerDeviceHour(hardware);
                if (!Double.isNaN(v)) return v;
            }
            return Double.NaN;
        };
    }

    /** Adds this record's keys to a summary map, after whatever it holds. */
    public void putInto(Map<String, Object> summary) {
        summary.put(Key.GPUS.key(), (long) gpus);
        summary.put(Key.COST_PER_HOUR_USD.key(), costPerHourUsd);
        summary.put(Key.COST_PER_MILLION_OUTPUT_TOKENS_USD.key(), costPerMillionOutputTokensUsd);
        summary.put(Key.REQUEST_GOODPUT_PER_GPU.key(), requestGoodputPerGpu);
        summary.put(Key.ENERGY_JOULES_PER_OUTPUT_TOKEN.key(), energyJoulesPerOutputToken);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
