package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.ClientLoop;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;
import dev.servelab.engine.workload.LengthSpec;

import java.util.SplittableRandom;

/**
 * Closed-loop clients: {@code concurrency} requests in flight, a new one sent the instant one ends (after
 * {@code think_time_ms}), {@code requests} in all, prompt and output lengths drawn as in
 * {@code workload.poisson} or, with {@code dist: random}, as vLLM's {@code random} dataset. The first
 * {@code warmup_requests} are served but left out of the metrics. This is {@code vllm bench serve
 * --request-rate inf --max-concurrency N}, the setting of published throughput-vs-interactivity curves.
 * The engine does the pacing (see {@link ClientLoop}): every request of this stream is due at time 0 and
 * is sent when a slot frees, its arrival time becoming that instant.
 */
@Plugin(id = "workload.closed-loop", summary = "Closed loop: N requests in flight, a new one when one ends",
        source = "vLLM bench serve --max-concurrency; InferenceMAX-style concurrency sweeps")
public final class ClosedLoopWorkload implements WorkloadGenerator {
    public record Settings(
            @Setting(summary = "requests in flight", unit = "requests", min = 1) int concurrency,
            @Setting(summary = "number of requests, warmup included", unit = "requests", min = 1) long requests,
            @Setting(summary = "prompt length distribution") LengthSpec input,
            @Setting(summary = "output length distribution") LengthSpec output,
            @Setting(summary = "pause between a request's end and the next request of its slot", unit = "ms", min = 0)
            double thinkTimeMs,
            @Setting(summary = "first requests served but left out of the metrics", unit = "requests", min = 0)
            long warmupRequests) {
        public Settings() {
            this(16, 160, new LengthSpec("random", 1024, 0, 1, 1_000_000, 0), new LengthSpec("random", 1024, 0, 1, 1_000_000, 0),
                    0, 0);
        }
    }

    private final Settings settings;
    private final long seed;

    public ClosedLoopWorkload() {
        this(new Settings(), new PluginContext(42, "workload", -1));
    }

    public ClosedLoopWorkload(Settings settings, PluginContext context) {
        this.settings = settings;
        this.seed = context.seed();
    }

    @Override
    public RequestStream open(WorkloadContext context) {
        long n = context.requestLimit() > 0 ? Math.min(context.requestLimit(), settings.requests()) : settings.requests();
        SplittableRandom rng = new SplittableRandom(seed);
        ClientLoop clients = new ClientLoop(settings.concurrency(), Math.round(settings.thinkTimeMs() * 1e6),
                Math.min(settings.warmupRequests(), n));
        return new RequestStream() {
            long id;

            @Override
            public Request next() {
                if (id >= n) return null;
                return Request.of(id++, 0, settings.input().sample(rng), settings.output().sample(rng));
            }

            @Override
            public ClientLoop clients() {
                return clients;
            }
        };
    }
}
