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
        mixinStandardHelpOptions = true, subcommands = {ModelCommand.Tiny.class, GenerateCommand.class})
public final class ModelCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Usage: servelab model tiny --out FILE.gguf [--seed N] [--size tiny|100m] [--type f32|f16|q8_0|q4_0|q4_k]"
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
                TinyModelGenerator.generate(out, seed, modelSize, weightType);
            } catch (java.io.IOException e) {
                System.err.println("model tiny: cannot write " + out + ": " + e.getMessage());
                return 2;
            }
            System.out.println("wrote " + out + " (" + modelSize.label() + ", " + weightType + ", seed " + seed + ", "
                    + java.nio.file.Files.size(out) + " bytes)");
            return 0;
        }
    }
}
