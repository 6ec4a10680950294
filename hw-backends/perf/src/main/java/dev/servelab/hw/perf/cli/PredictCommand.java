package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.operator.IterationShape;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.PerformanceModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code servelab predict}: one operator's time ({@code --op}) or a whole iteration's time for a
 * batch given by {@code --prefill TOKENS[:CONTEXT]} and {@code --decode BATCH:CONTEXT} options.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict one operator's or one iteration's time from the performance model.")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "model id (e.g. llama-3.1-8b) or a config.json path")
    String model;

    @Option(names = "--hardware", required = true, description = "hardware id (e.g. h200) or a hardware file path")
    String hardware;

    @Option(names = "--op", description = "operator: qkv_proj, attn_out, mlp_up_gate, mlp_down, lm_head, rms_norm,"
            + " silu_mul, attn_prefill, attn_decode, rope, all_reduce, ...; without --op: a whole iteration")
    String op;

    @Option(names = "--tokens", defaultValue = "1", description = "rows of the operator (prefill: sequence length)")
    int tokens;

    @Option(names = "--batch", defaultValue = "1", description = "decode sequences (attn_decode)")
    int batch;

    @Option(names = "--context", defaultValue = "0", description = "cached tokens per sequence (attn_decode, attn_prefill)")
    int context;

    @Option(names = "--prefill", description = "iteration mode: a prefill chunk TOKENS[:CONTEXT] (repeatable)")
    List<String> prefill = new ArrayList<>();

    @Option(names = "--decode", description = "iteration mode: BATCH:CONTEXT decode sequences (repeatable)")
    List<String> decode = new ArrayList<>();

    @Option(names = "--profile", description = "also interpolate this measured profile (JSON lines)")
    Path profile;

    @Option(names = "--launch-us", description = "iteration mode: fixed cost per kernel inside the iteration (default 4;"
            + " a negative value charges the calibrated isolated-kernel launch overhead)")
    Double launchMicros;

    @Option(names = "--vidur-tables", description = "iteration mode: also print what Vidur's latency tables in this folder predict")
    Path vidurTables;

    @Option(names = "--json", description = "print one JSON object with predicted_ms")
    boolean json;

    @Option(names = "--breakdown", description = "iteration mode: also print where the time goes, per operator")
    boolean breakdown;

    @Mixin
    DeploymentOptions deployment = new DeploymentOptions();

    @Override
    public Integer call() {
        try {
            PerformanceModel pm = ModelLoading.build(model, hardware, deployment.deployment(), profile);
            if (launchMicros != null) {
                pm = pm.withKernelLaunchNanos(launchMicros < 0 ? Double.NaN : launchMicros * 1e3);
            }
            String fallback = pm.hardware().computeFallbackNote(pm.deployment().computeDtype());
            if (fallback != null) {
                spec.commandLine().getErr().println("predict: note: " + fallback);
            }
            if (op != null) {
                Operator o = Operator.parse(op);
                int t = o == Operator.ATTN_DECODE ? 0 : tokens;
                double ms = pm.operatorNanos(o, t, o == Operator.ATTN_DECODE ? batch : 0, context) / 1e6;
                print(ms, String.format(Locale.ROOT, "\"op\":\"%s\",\"tokens\":%d,\"batch\":%d,\"context\":%d",
                        o.profileName(), t, batch, context), o.profileName());
            } else {
                IterationShape shape = BatchSpec.parse(prefill, decode, tokens, batch, context);
                long ns = pm.iterationNanos(shape);
                Double vidurMs = vidurTables == null ? null : VidurComparison.iterationMs(vidurTables, pm, shape);
                String vidur = vidurMs == null ? "" : String.format(Locale.ROOT, ",\"vidur_ms\":%.6f", vidurMs);
                print(ns / 1e6, String.format(Locale.ROOT,
                        "\"op\":\"iteration\",\"tokens\":%d,\"emitted_tokens\":%d,\"joules\":%.6g,\"cost_usd\":%.6g%s",
                        shape.totalTokens(), shape.emittingSequences(), pm.iterationJoules(ns), pm.iterationCostUsd(ns), vidur),
                        "iteration (" + shape.totalTokens() + " tokens)");
                if (breakdown && !json) {
                    pm.breakdown(shape).forEach((part, nanos) -> spec.commandLine().getOut()
                            .printf(Locale.ROOT, "  %-32s %10.4f ms  %5.1f %%%n", part, nanos / 1e6, 100.0 * nanos / ns));
                    spec.commandLine().getOut().flush();
                }
                if (vidurMs != null && !json) {
                    spec.commandLine().getOut().printf(Locale.ROOT, "  Vidur's latency tables (%s): %.4f ms%n", vidurTables, vidurMs);
                    spec.commandLine().getOut().flush();
                }
            }
            return 0;
        } catch (CatalogException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("predict: " + e.getMessage());
            return 2;
        }
    }

    private void print(double ms, String jsonFields, String what) {
        var out = spec.commandLine().getOut();
        if (json) {
            out.printf(Locale.ROOT, "{\"predicted_ms\":%.6f,\"model\":\"%s\",\"hardware\":\"%s\",%s}%n",
                    ms, model, hardware, jsonFields);
        } else {
            out.printf(Locale.ROOT, "%s on %s, %s: %.4f ms%n", model, hardware, what, ms);
        }
        out.flush();
    }
}
