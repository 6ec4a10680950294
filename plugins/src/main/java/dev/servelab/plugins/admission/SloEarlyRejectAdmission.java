package dev.servelab.plugins.admission;

import dev.servelab.engine.model.Admission;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.AdmissionPolicy;
import dev.servelab.engine.spi.ClusterView;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

/**
 * Mooncake-style early rejection: predicts the request's TTFT on the least loaded replica as
 * {@code base_ms + (tokens queued there + this prompt) / tokens_per_s} and rejects it on arrival
 * when even that would exceed its TTFT SLO, rather than let it wait and miss anyway (wasting the
 * prefill work). Tokens queued are the replica's outstanding prompt and output tokens, a
 * conservative measure of the work ahead. The SLO is {@code ttft_slo_ms}, or
 * {@code batch_ttft_slo_ms} for requests of SLO class {@code batch}.
 *
 * <p>Source: Mooncake (Qin et al., FAST 2025), §7 "overload-oriented scheduling" / early rejection.
 */
@Plugin(id = "admission.slo-early-reject", summary = "Reject on arrival when the predicted TTFT misses the SLO",
        source = "Mooncake (FAST'25) early rejection")
public final class SloEarlyRejectAdmission implements AdmissionPolicy {
    public record Settings(
            @Setting(summary = "TTFT objective", unit = "ms", min = 0) double ttftSloMs,
            @Setting(summary = "TTFT objective of SLO class 'batch'", unit = "ms", min = 0) double batchTtftSloMs,
            @Setting(summary = "a replica's token processing rate used for the prediction", unit = "tokens/s", min = 1) double tokensPerS,
            @Setting(summary = "fixed part of the predicted TTFT", unit = "ms", min = 0) double baseMs) {
        public Settings() {
            this(2_000, 60_000, 20_000, 20);
        }
    }

    private final Settings settings;

    public SloEarlyRejectAdmission() {
        this(new Settings());
    }

    public SloEarlyRejectAdmission(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Admission decide(Request request, ClusterView cluster) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < cluster.replicaCount(); i++) least = Math.min(least, cluster.outstandingTokens(i));
        double predictedMs = predictTtftMs(least, request.promptTokens());
        double slo = "batch".equals(request.sloClass()) ? settings.batchTtftSloMs() : settings.ttftSloMs();
        if (predictedMs <= slo) return Admission.ACCEPT;
        return Admission.reject(String.format(java.util.Locale.ROOT, "predicted TTFT %.0f ms > SLO %.0f ms", predictedMs, slo));
    }

    double predictTtftMs(long queuedTokens, int promptTokens) {
        return settings.baseMs() + (queuedTokens + promptTokens) * 1000.0 / settings.tokensPerS();
    }
}
