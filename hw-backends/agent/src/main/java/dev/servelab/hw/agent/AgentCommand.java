package dev.servelab.hw.agent;

import dev.servelab.engine.ServeLabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code servelab agent --model FILE.gguf | --pipeline P.yaml [--pool NAME] [--port P] [--bind ADDR --token T]}:
 * runs the edge agent until stopped. Bad input (a missing model, a bad pipeline, an unknown or remote
 * pool) is one line on stderr and exit code 2.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Serve a GGUF model over the OpenAI-compatible API (edge agent), batched by a pipeline pool's"
                + " scheduler and KV cache plugins in the engine's live mode.")
public final class AgentCommand implements Callable<Integer> {
    @Option(names = "--model", description = "GGUF model file (with --pipeline: replaces the pool executor's model_file).")
    Path model;

    @Option(names = "--pipeline", description = "Pipeline file whose pool (scheduler, KV cache, eviction, live executor)"
            + " the agent serves; without it, a default pool (batch.continuous, kv.lru, prefix caching, exec.jvm).")
    Path pipeline;

    @Option(names = "--pool", description = "Pool of --pipeline to serve (default: the first engine pool).")
    String pool;

    @Option(names = "--port", defaultValue = "8088", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to bind (default ${DEFAULT-VALUE}); "
            + "any non-loopback address needs --token or --token-env.")
    String bind;

    @Option(names = "--token", description = "Bearer token every request must carry.")
    String token;

    @Option(names = "--token-env", description = "Environment variable holding the bearer token (keeps it out of ps).")
    String tokenEnv;

    @Option(names = "--kv-mib", defaultValue = "64",
            description = "Default pool: KV cache memory budget in MiB (default ${DEFAULT-VALUE}).")
    long kvMib;

    @Option(names = "--block-size", defaultValue = "16", description = "Default pool: KV block size in tokens (default ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--max-num-seqs", defaultValue = "16", description = "Default pool: sequences per batch (default ${DEFAULT-VALUE}).")
    int maxNumSeqs;

    @Option(names = "--max-num-batched-tokens", defaultValue = "512", description = "Default pool: tokens per iteration (default ${DEFAULT-VALUE}).")
    int maxBatchedTokens;

    @Option(names = "--iteration-floor-ms", defaultValue = "0",
            description = "Minimum wall time per iteration, to emulate a slower device (default ${DEFAULT-VALUE}).")
    double iterationFloorMs;

    @Option(names = "--no-prefix-caching", description = "Default pool: do not share KV blocks of common prompt prefixes.")
    boolean noPrefixCaching;

    @Override
    public Integer call() throws Exception {
        if (model == null && pipeline == null) {
            System.err.println("agent: give --model FILE.gguf or --pipeline FILE.yaml");
            return 2;
        }
        if (model != null && !Files.isRegularFile(model)) {
            System.err.println("agent: model file " + model + " does not exist");
            return 2;
        }
        String t = token;
        if (tokenEnv != null) {
            t = System.getenv(tokenEnv);
            if (t == null || t.isBlank()) {
                System.err.println("agent: environment variable " + tokenEnv + " (token) is not set");
                return 2;
            }
        }
        EdgeAgentServer server;
        try {
            server = EdgeAgentServer.start(new AgentConfig(model, bind, port, t, blockSize, kvMib << 20, maxNumSeqs,
                    maxBatchedTokens, 256, Math.round(iterationFloorMs * 1e6), !noPrefixCaching, pipeline, pool));
        } catch (IllegalArgumentException | dev.servelab.hw.jvm.gguf.GgufFormatException | ServeLabException e) {
            System.err.println("agent: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            // a port in use or an address this machine does not have: the user's input, like a bad flag
            System.err.println("agent: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        System.out.println(server.describe());
        System.out.flush();
        stop.await();
        return 0;
    }
}
