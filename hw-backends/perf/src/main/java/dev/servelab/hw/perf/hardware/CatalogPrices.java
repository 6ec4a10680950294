package dev.servelab.hw.perf.hardware;

import dev.servelab.engine.spi.HardwarePrices;
import dev.servelab.hw.perf.catalog.CatalogException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hardware catalog's {@code price_usd_per_hour} for the engine's cost keys (gpus, cost per hour, cost
 * per million output tokens). A device the catalog does not know, or that has no price, is NaN. Each id
 * is read once per JVM (sweeps price thousands of runs).
 */
public final class CatalogPrices implements HardwarePrices {
    private static final Map<String, Double> CACHE = new ConcurrentHashMap<>();

    @Override
    public double usdPerDeviceHour(String hardware) {
        if (HardwareCatalog.THIS_CPU.equals(hardware)) return Double.NaN;
        return CACHE.computeIfAbsent(hardware, CatalogPrices::read);
    }

    private static Double read(String hardware) {
        try {
            double v = HardwareCatalog.standard().get(hardware).hourlyCostUsd();
            return v > 0 ? v : Double.NaN;
        } catch (CatalogException e) {
            return Double.NaN;
        }
    }
}
