package dev.servelab.hw.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.servelab.hw.jvm.JvmLlamaExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The edge agent: loads the GGUF model into a {@link JvmLlamaExecutor}, runs an
 * {@link AgentScheduler}, and serves the OpenAI-compatible routes plus {@code /device} and
 * {@code /metrics} on a JDK {@link HttpServer} with one virtual thread per exchange and
 * {@code TCP_NODELAY} (unless {@code sun.net.httpserver.nodelay} is set otherwise). Refuses to bind
 * a non-loopback address without a token; with a token every route checks it.
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
    private final JvmLlamaExecutor executor;
    private final AgentScheduler scheduler;
    private final HttpServer http;
    private final ExecutorService threads;

    private EdgeAgentServer(AgentConfig config, JvmLlamaExecutor executor, AgentScheduler scheduler, HttpServer http,
                            ExecutorService threads) {
        this.config = config;
        this.executor = executor;
        this.scheduler = scheduler;
        this.http = http;
        this.threads = threads;
    }

    /** Loads the model, binds and starts serving. Throws {@link IllegalArgumentException} for a token-less public bind. */
    public static EdgeAgentServer start(AgentConfig config) throws IOException {
        InetAddress bind = InetAddress.getByName(config.bindAddress());
        if (!bind.isLoopbackAddress() && config.token() == null) {
            throw new IllegalArgumentException("binding " + config.bindAddress()
                    + " (not loopback) needs --token: every request must then carry 'Authorization: Bearer <token>'");
        }
        JvmLlamaExecutor executor = JvmLlamaExecutor.open(config.model(), config.blockSizeTokens(), config.kvBudgetBytes());
        AgentMetrics metrics = new AgentMetrics();
        AgentScheduler scheduler = new AgentScheduler(executor, config, metrics);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(bind, config.port()), 128);
        } catch (IOException e) {
            executor.close();
            throw new IOException("cannot bind " + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(threads);
        String modelId = modelId(config);
        route(http, config, "/v1/completions",
                new CompletionHandler(false, scheduler, executor.tokenizer(), modelId, config, metrics));
        route(http, config, "/v1/chat/completions",
                new CompletionHandler(true, scheduler, executor.tokenizer(), modelId, config, metrics));
        route(http, config, "/v1/models", ex -> {
            try (ex) {
                ObjectNode root = AgentJson.MAPPER.createObjectNode().put("object", "list");
                root.putArray("data").addObject().put("id", modelId).put("object", "model").put("owned_by", "servelab");
                AgentJson.json(ex, 200, root);
            }
        });
        route(http, config, "/device", new DeviceHandler(executor, scheduler, config, modelId));
        route(http, config, "/metrics", new MetricsHandler(metrics, scheduler));
        scheduler.start();
        http.start();
        return new EdgeAgentServer(config, executor, scheduler, http, threads);
    }

    private static void route(HttpServer http, AgentConfig config, String path, HttpHandler handler) {
        HttpContext ctx = http.createContext(path, handler);
        if (config.token() != null) ctx.getFilters().add(new BearerTokenFilter(config.token()));
    }

    /** The model's id in API answers: the GGUF file name without its extension. */
    static String modelId(AgentConfig config) {
        String name = config.model().getFileName().toString();
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
        return modelId(config);
    }

    public String describe() {
        return "servelab agent on " + baseUri() + " serving " + modelId() + " (" + executor.describe() + ")"
                + (config.token() == null ? "" : ", bearer token required");
    }

    /** Stops at once, dropping open streams mid-response, as a crash or power cut would. */
    public void kill() {
        http.stop(0);
        scheduler.close();
        threads.shutdownNow();
        executor.close();
    }

    @Override
    public void close() {
        kill();
    }
}
