package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.servelab.hw.jvm.gguf.GgufFile;
import dev.servelab.hw.jvm.model.LlamaConfig;
import dev.servelab.hw.jvm.tokenizer.GgufTokenizers;
import dev.servelab.hw.jvm.tokenizer.Tokenizer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The edge agent: serves a pipeline pool ({@link AgentPool}) through the engine's live mode
 * ({@link ServedPool}: the replica, its scheduler and eviction plugins, KV paging and prefix caching,
 * the live executor running the GGUF model), tokenizing prompts with the model's own tokenizer, and
 * serves the OpenAI-compatible routes plus {@code /device} and {@code /metrics} on a JDK
 * {@link HttpServer} with one virtual thread per exchange and {@code TCP_NODELAY} (unless
 * {@code sun.net.httpserver.nodelay} is set otherwise). Refuses to bind a non-loopback address
 * without a token; with a token every route checks it.
 */
public final class EdgeAgentServer implements AutoCloseable {
    static {
        // Each token is a small write; without TCP_NODELAY, Nagle's algorithm holds it until the previous
        // segment is acknowledged, adding a network round trip to inter-token gaps on a real link.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final AgentConfig config;
    private final ServedPool pool;
    private final String modelDescription;
    private final HttpServer http;
    private final ExecutorService threads;

    private EdgeAgentServer(AgentConfig config, ServedPool pool, String modelDescription, HttpServer http,
                            ExecutorService threads) {
        this.config = config;
        this.pool = pool;
        this.modelDescription = modelDescription;
        this.http = http;
        this.threads = threads;
    }

    /**
     * Resolves the pool, loads the model, binds and starts serving. Throws {@link IllegalArgumentException}
     * for a token-less public bind or a missing model file, {@link dev.servelab.engine.ServeLabException}
     * for a bad pipeline, pool or plugin setting.
     */
    public static EdgeAgentServer start(AgentConfig config) throws IOException {
        InetAddress bind = InetAddress.getByName(config.bindAddress());
        if (!bind.isLoopbackAddress() && config.token() == null) {
            throw new IllegalArgumentException("binding " + config.bindAddress()
                    + " (not loopback) needs --token: every request must then carry 'Authorization: Bearer <token>'");
        }
        AgentPool served = AgentPool.resolve(config);
        Path model = served.modelFile();
        if (!Files.isRegularFile(model)) throw new IllegalArgumentException("model file " + model + " does not exist");
        Tokenizer tokenizer;
        LlamaConfig shape;
        int maxTokenBytes;
        try (GgufFile file = GgufFile.open(model)) {
            tokenizer = GgufTokenizers.from(file.metadata(), model.toString());
            shape = LlamaConfig.from(file.metadata(), model.toString(), tokenizer.vocabSize());
            maxTokenBytes = GgufTokenizers.longestTokenBytes(file.metadata());
        }
        PromptLimits limits = new PromptLimits(shape.contextLength(), maxTokenBytes);
        AgentMetrics metrics = new AgentMetrics();
        HttpRequestStream stream = new HttpRequestStream(tokenizer, served.pool().kvCache().blockSizeTokens(), metrics);
        ServedPool pool = ServedPool.start(served, stream, shape.contextLength());
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(bind, config.port()), 128);
        } catch (IOException e) {
            pool.close();
            throw new IOException("cannot bind " + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(threads);
        String modelId = modelId(model);
        String description = describe(served, shape, pool);
        route(http, config, "/v1/completions", new CompletionHandler(false, pool, tokenizer, modelId, config, metrics, limits));
        route(http, config, "/v1/chat/completions", new CompletionHandler(true, pool, tokenizer, modelId, config, metrics, limits));
        route(http, config, "/v1/models", ex -> {
            try (ex) {
                ObjectNode root = AgentJson.MAPPER.createObjectNode().put("object", "list");
                root.putArray("data").addObject().put("id", modelId).put("object", "model").put("owned_by", "servelab");
                AgentJson.json(ex, 200, root);
            }
        });
        route(http, config, "/device", new DeviceHandler(pool, shape.contextLength(), description, config, modelId));
        route(http, config, "/metrics", new MetricsHandler(metrics, pool, modelId));
        http.start();
        return new EdgeAgentServer(config, pool, description, http, threads);
    }

    /** Model shape, the pool's policies and the KV cache, in one line. */
    private static String describe(AgentPool served, LlamaConfig c, ServedPool pool) {
        return "llama dim=" + c.dim() + " layers=" + c.layers() + " heads=" + c.heads() + "/" + c.kvHeads() + " vocab="
                + c.vocabSize() + "; pool " + served.pool().name() + ": " + served.pool().scheduler().type() + ", "
                + served.pool().kvCache().eviction().type() + (served.pool().kvCache().prefixCaching() ? " (prefix caching)" : "")
                + ", " + served.pool().executor().type() + ", kv=" + pool.totalBlocks() + "x" + pool.blockSizeTokens();
    }

    private static void route(HttpServer http, AgentConfig config, String path, HttpHandler handler) {
        HttpContext ctx = http.createContext(path, handler);
        if (config.token() != null) ctx.getFilters().add(new BearerTokenFilter(config.token()));
    }

    /** The model's id in API answers: the GGUF file name without its extension. */
    static String modelId(Path model) {
        String name = model.getFileName().toString();
        return name.endsWith(".gguf") ? name.substring(0, name.length() - 5) : name;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port} as clients reach it (IPv6 literals bracketed). */
    public URI baseUri() {
        InetAddress a = http.getAddress().getAddress();
        String host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
        return URI.create("http://" + host + ":" + port());
    }

    public String modelId() {
        return modelId(pool.pool().modelFile());
    }

    public String describe() {
        return "servelab agent on " + baseUri() + " serving " + modelId() + " (" + modelDescription + ")"
                + (config.token() == null ? "" : ", bearer token required");
    }

    /** Stops at once, dropping open streams mid-response, as a crash or power cut would. */
    public void kill() {
        http.stop(0);
        pool.close();
        threads.shutdownNow();
    }

    @Override
    public void close() {
        kill();
    }
}
