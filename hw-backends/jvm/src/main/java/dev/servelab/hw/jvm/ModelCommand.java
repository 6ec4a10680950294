package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code servelab model ...}: model files for the live JVM backend. */
@Command(name = "model", description = "Model files for live execution on the JVM backend.",
        mixinStandardHelpOptions = true, subcommands = {ModelCommand.Tiny.class, ModelCommand.Draft.class, GenerateCommand.class})
public final class ModelCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Usage: servelab model tiny --out FILE.gguf [--seed N] [--size tiny|100m] [--type f32|f16|q8_0|q4_0|q4_k]"
                + System.lineSeparator() + "       servelab model draft --from TARGET.gguf --layers L --out DRAFT.gguf"
                + System.lineSeparator() + "       servelab model generate --model FILE.gguf --prompt TEXT [--tokens N]");
    }

    /** {@code servelab model tiny --out FILE.gguf [--seed N] [--size tiny|100m] [--type f32|f16|q8_0|q4_0|q4_k]}. */
    @Command(name = "tiny", mixinStandardHelpOptions = true,
            description = "Write a Llama-architecture GGUF model with deterministic random weights.")
    static final class Tiny implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "GGUF file to write.")
        Path out;

        @Option(names = "--seed", defaultValue = "42", description = "Weight seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--size", defaultValue = "tiny", description = "tiny or 100m (default ${DEFAULT-VALUE}).")
        String size;

        @Option(names = "--type", defaultValue = "f32", description = "Weight type: f32, f16, q8_0, q4_0 or q4_k (default ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--refine-from", defaultValue = "-1", paramLabel = "L",
                description = "Layers L and later only refine: their residual updates are scaled by --refine-scale, so a"
                        + " draft of the first L layers (servelab model draft) agrees with the model often (default: none).")
        int refineFrom;

        @Option(names = "--refine-scale", defaultValue = "1.0", paramLabel = "S",
                description = "Scale of the residual updates of layers from --refine-from (default ${DEFAULT-VALUE}).")
        double refineScale;

        @Override
        public Integer call() throws Exception {
            GgmlType weightType;
            TinyModelSize modelSize;
            try {
                weightType = GgmlType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
                if (!TinyModelGenerator.GENERATED.contains(weightType)) {
                    throw new IllegalArgumentException("not generated");
                }
                modelSize = TinyModelSize.of(size);
            } catch (IllegalArgumentException e) {
                System.err.println("model tiny: " + (e.getMessage().startsWith("unknown") ? e.getMessage()
                        : "unknown --type '" + type + "' (expected f32, f16, q8_0, q4_0 or q4_k)"));
                return 2;
            }
            try {
                int from = refineFrom < 0 ? Integer.MAX_VALUE : refineFrom;
                TinyModelGenerator.generate(out, seed, modelSize, weightType, from, refineScale);
            } catch (java.io.IOException | IllegalArgumentException e) {
                System.err.println("model tiny: cannot write " + out + ": " + e.getMessage());
                return 2;
            }
            System.out.println("wrote " + out + " (" + modelSize.label() + ", " + weightType + ", seed " + seed + ", "
                    + java.nio.file.Files.size(out) + " bytes)");
            return 0;
        }
    }

    /** {@code servelab model draft --from TARGET.gguf --layers L --out DRAFT.gguf}: a layer-skip draft model. */
    @Command(name = "draft", mixinStandardHelpOptions = true,
            description = "Write a draft model for speculative decoding: the target's first L layers with its embedding,"
                    + " output head and tokenizer (layer-skip drafting, as in Draft&Verify and LayerSkip).")
    static final class Draft implements Callable<Integer> {
        @Option(names = "--from", required = true, description = "Target GGUF model.")
        Path from;

        @Option(names = "--layers", defaultValue = "1", description = "Layers the draft keeps (default ${DEFAULT-VALUE}).")
        int layers;

        @Option(names = "--out", required = true, description = "Draft GGUF file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            int blocks;
            try {
                blocks = dev.servelab.hw.jvm.tiny.LayerSkipDraft.write(from, layers, out);
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("model draft: " + e.getMessage());
                return 2;
            }
            System.out.println("wrote " + out + " (" + layers + " of " + blocks + " layers of " + from + ", "
                    + java.nio.file.Files.size(out) + " bytes)");
            return 0;
        }
    }
}
