package dev.servelab.engine.pipeline;

import java.util.List;

/**
 * The pipeline's failure handling and injection: {@code retry:}, {@code health:} and {@code faults:}.
 * {@link #configured()} is true when the pipeline has a retry policy or faults; the run summary then
 * reports failures, retries, KV lost and SLO recovery (otherwise it stays as it was).
 */
public record ResilienceSpec(RetrySpec retry, HealthSpec health, List<FaultSpec> faults) {
    public static final ResilienceSpec NONE = new ResilienceSpec(RetrySpec.NONE, HealthSpec.DEFAULT, List.of());

    public ResilienceSpec {
        faults = List.copyOf(faults);
    }

    public boolean configured() {
        return retry.enabled() || !faults.isEmpty();
    }
}
