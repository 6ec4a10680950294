package dev.servelab.engine.spi;

/** Generates a synthetic, seeded, reproducible request stream. Plugin ids {@code workload.*}. */
public interface WorkloadGenerator {
    RequestStream open(WorkloadContext context);
}
