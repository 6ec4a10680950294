package dev.servelab.engine.spi;

/**
 * The on-demand price of one device (one GPU) per hour, by hardware id, as a hardware catalog knows it.
 * The engine turns it into a run's cost keys ({@link dev.servelab.engine.metrics.RunCost}); the
 * catalog that knows prices (the performance model's hardware files) registers an implementation in
 * {@code META-INF/services/dev.servelab.engine.spi.HardwarePrices}, found with {@link java.util.ServiceLoader}.
 */
public interface HardwarePrices {
    /** USD per device-hour of {@code hardware} (a catalog id or a hardware file path), or NaN when this catalog does not know it. */
    double usdPerDeviceHour(String hardware);
}
