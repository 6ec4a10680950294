package dev.servelab.hw.jvm;

import dev.servelab.hw.jvm.kv.KvBlockAllocator;
import dev.servelab.hw.jvm.kv.KvCacheSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code servelab model generate}: greedy text generation from a GGUF model, one sequence. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate text greedily from a GGUF model on the JVM backend.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "GGUF model file.")
    Path model;

    @Option(names = "--prompt", defaultValue = "The scheduler", description = "Prompt text.")
    String prompt;

    @Option(names = "--tokens", defaultValue = "32", description = "Tokens to generate (default ${DEFAULT-VALUE}).")
    int tokens;

    @Override
    public Integer call() {
        try {
            return generate();
        } catch (java.io.IOException | dev.servelab.engine.ServeLabException | dev.servelab.hw.jvm.gguf.GgufFormatException
                 | IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            System.err.println("model generate: " + (e instanceof java.nio.file.NoSuchFileException
                    ? model + ": no such file" : e.getMessage()));
            return 2;
        }
    }

    private int generate() throws java.io.IOException {
        // a prompt never has more tokens than UTF-8 bytes (+1 for SentencePiece's leading space, +1 for BOS)
        int maxTokens = prompt.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2 + tokens;
        int blocks = maxTokens / 16 + 1;
        KvCacheSpec kv = new KvCacheSpec(16, blocks);
        try (JvmLlamaExecutor exec = JvmLlamaExecutor.open(model, kv)) {
            GreedyDecoder decoder = new GreedyDecoder(exec, new KvBlockAllocator(kv.blockCount()));
            int[] text = exec.tokenizer().encode(prompt);
            int bos = exec.tokenizer().bosToken();
            int[] promptIds = bos < 0 ? text : java.util.stream.IntStream.concat(
                    java.util.stream.IntStream.of(bos), java.util.Arrays.stream(text)).toArray();
            long start = System.nanoTime();
            int[][] out = decoder.generate(new int[][] {promptIds}, tokens);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(prompt + exec.tokenizer().decode(out[0]));
            System.err.printf("%d tokens in %.2f s (%s)%n", out[0].length, seconds, exec.describe());
            return 0;
        }
    }
}
