package dev.servelab.plugins.batch;

import dev.servelab.engine.spi.BatchPlan;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.ReplicaView;
import dev.servelab.engine.spi.SequenceView;
import dev.servelab.engine.spi.Setting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shortest job first on predicted output length: running sequences go first as in continuous
 * batching, then waiting requests are admitted shortest predicted output first (arrival order among
 * equals), whole prompts. The predictor is the true output length times a seeded log-normal error
 * with coefficient of variation {@code prediction_cv} (0 = an oracle), standing in for a learned
 * length predictor; each request's prediction is fixed.
 *
 * <p>Sources: Qiu et al., "Efficient Interactive LLM Serving with Proxy Model-based Sequence Length
 * Prediction" (2024); Fu et al., "Efficient LLM Scheduling by Learning to Rank" (NeurIPS 2024).
 */
@Plugin(id = "batch.sjf", summary = "Shortest predicted output first (noisy length oracle)",
        source = "SSJF (Qiu et al. 2024); learning-to-rank scheduling (NeurIPS'24)")
public final class ShortestJobFirstScheduler implements BatchScheduler {
    public record Settings(@Setting(summary = "coefficient of variation of the length prediction error", min = 0, max = 5) double predictionCv) {
        public Settings() {
            this(0.0);
        }
    }

    private final double sigma;
    private final long seed;
    private final Comparator<SequenceView> byPrediction = Comparator.comparingDouble(this::predictedOutput);

    public ShortestJobFirstScheduler() {
        this(new Settings(), new PluginContext(42, "scheduler", 0));
    }

    public ShortestJobFirstScheduler(Settings settings, PluginContext context) {
        this.sigma = Math.sqrt(Math.log(1 + settings.predictionCv() * settings.predictionCv()));
        this.seed = context.seed();
    }

    /** Predicted output tokens of a request: deterministic in the seed and the request id. */
    double predictedOutput(SequenceView s) {
        if (sigma == 0) return s.request().outputTokens();
        double z = new java.util.SplittableRandom(seed ^ (s.id() * 0x9E3779B97F4A7C15L)).nextGaussian();
        return s.request().outputTokens() * Math.exp(sigma * z - sigma * sigma / 2);
    }

    @Override
    public void schedule(ReplicaView replica, BatchPlan plan) {
        RunningPass.decodes(replica.running(), plan);
        RunningPass.prefills(replica.running(), plan, Integer.MAX_VALUE, 0);
        List<SequenceView> waiting = new ArrayList<>(replica.waiting());
        waiting.sort(byPrediction);
        RunningPass.admit(waiting, plan, false, Integer.MAX_VALUE, 0, replica.maxNumBatchedTokens());
    }
}
