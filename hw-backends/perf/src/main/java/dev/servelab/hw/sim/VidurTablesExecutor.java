package dev.servelab.hw.sim;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;
import dev.servelab.hw.perf.vidur.VidurBatchTimer;
import dev.servelab.hw.perf.vidur.VidurLatencyTables;

/**
 * Vidur's own batch times: iteration time from the per-layer latency tables Vidur's predictor
 * produced (a {@code predictions/<case>} folder), with Vidur's arithmetic, so a case a Vidur user
 * knows runs in ServeLab with exactly Vidur's timings; KV capacity from ServeLab's memory model.
 *
 * <p>Source: Vidur (Agrawal et al., MLSys 2024), microsoft/vidur (MIT).
 */
@Plugin(id = "exec.vidur-tables", summary = "Simulated: Vidur's own latency tables and batch-time arithmetic",
        source = "Vidur (MLSys'24)")
public final class VidurTablesExecutor implements Executor {
    public record Settings(@Setting(summary = "Vidur predictions folder (relative to the pipeline file)") String predictions) {
        public Settings() {
            this("predictions");
        }
    }

    private final Settings settings;
    private final ShapeBuffer shapes = new ShapeBuffer();
    private VidurBatchTimer timer;
    private ExecutorContext ctx;
    private dev.servelab.hw.perf.PerformanceModel pm;

    public VidurTablesExecutor() {
        this(new Settings());
    }

    public VidurTablesExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext context) {
        ctx = context;
        pm = CatalogLookup.model(context, 1, "bf16", "bf16");
        var m = pm.model();
        try {
            timer = new VidurBatchTimer(VidurLatencyTables.read(context.resolve(settings.predictions())), m.numLayers(),
                    context.tensorParallel(), 1, m.numHeads() > m.numKvHeads());
        } catch (RuntimeException e) {
            throw new ServeLabException("predictions: cannot read Vidur's tables from " + settings.predictions() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public long iterationNanos(IterationBatch b) {
        return Math.max(1, timer.iterationNanos(shapes.of(b)));
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return CatalogLookup.kvBlocks(pm, ctx, blockSizeTokens);
    }
}
