package dev.servelab.hw.jvm;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.spi.BackendUse;
import dev.servelab.engine.spi.Executor;
import dev.servelab.engine.spi.ExecutorContext;
import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.Setting;

/**
 * The live transformer of {@link LiveJvmExecutor} with its kernels on a GPU through TornadoVM
 * (Fumero et al., "Dynamic Application Reconfiguration on Heterogeneous Hardware", VEE 2019): the
 * same plain-Java kernels, compiled by TornadoVM for the device. The TornadoVM backend lives in the
 * optional {@code hw-backends-tornadovm} module and is looked up by {@link java.util.ServiceLoader}
 * when a pipeline attaches this executor; without it (default build, or a JVM not started under
 * TornadoVM, or no device) attaching fails with one message that says how to get it.
 */
@Plugin(id = "exec.tornadovm", summary = "Live: the GGUF transformer's kernels on a GPU through TornadoVM (optional)",
        source = "TornadoVM (Fumero et al., VEE 2019); vLLM PagedAttention (SOSP'23)")
public final class LiveTornadoExecutor implements Executor {
    /** The same settings as {@code exec.jvm}, so {@code --backend tornadovm} keeps a pipeline's. */
    public record Settings(
            @Setting(summary = "GGUF model file (relative to the pipeline file)") String modelFile,
            @Setting(summary = "memory for the KV cache (F32 K and V)", unit = "MiB", min = 1) long kvBudgetMib,
            @Setting(summary = "rounds of probe batches run before the first request, to warm up and compile"
                    + " the kernels", min = 0) int warmupRounds) {
        public Settings() {
            this("tiny.gguf", 64, 3);
        }
    }

    static final String ID = "exec.tornadovm";
    private final Settings settings;
    private LiveJvmExecutor live;

    public LiveTornadoExecutor() {
        this(new Settings());
    }

    public LiveTornadoExecutor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(ExecutorContext ctx) {
        var backend = LiveKernelBackends.open(ID, LiveKernelBackends.TORNADOVM);
        live = new LiveJvmExecutor(new LiveJvmExecutor.Settings(settings.modelFile(), settings.kvBudgetMib(),
                settings.warmupRounds()), file -> backend);
        try {
            live.attach(ctx);
        } catch (ServeLabException e) {
            backend.close();
            throw e;
        }
    }

    /** Asked for and running on TornadoVM (a missing TornadoVM fails the attach instead). */
    @Override
    public BackendUse backendUse() {
        return live == null ? null : new BackendUse(LiveKernelBackends.TORNADOVM, live.backendUse().used(), "");
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public int kvCapacityBlocks(int blockSizeTokens) {
        return live.kvCapacityBlocks(blockSizeTokens);
    }

    @Override
    public long iterationNanos(IterationBatch batch) {
        return live.iterationNanos(batch);
    }
}
