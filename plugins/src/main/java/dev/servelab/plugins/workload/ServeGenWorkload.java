package dev.servelab.plugins.workload;

import dev.servelab.engine.model.SplitMix64;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Reproduces a ServeGen per-client characterisation (Xiang et al., "ServeGen: Workload
 * Characterization and Generation of Large Language Model Serving in Production", arXiv:2505.09999;
 * alibaba/ServeGen {@code data/}): every selected client contributes its own arrivals, window by
 * window ({@link ServeGenArrivals}), with lengths drawn from its PMFs for the 6-hour window of the
 * arrival; the clients are merged in arrival order and each request's tenant is {@code client-<i>}.
 * Arrival times are relative to {@code start_s} (seconds of the day).
 */
@Plugin(id = "workload.servegen", summary = "ServeGen per-client rate windows and length PMFs (Alibaba Bailian)",
        source = "ServeGen (arXiv:2505.09999), alibaba/ServeGen")
public final class ServeGenWorkload implements WorkloadGenerator {
    public record Settings(
            @Setting(summary = "ServeGen model folder with chunk-<i>-trace.csv and chunk-<i>-dataset.json") String dir,
            @Setting(summary = "client numbers to include (empty = all)") List<Integer> clients,
            @Setting(summary = "start of the time window, seconds of the day", unit = "s", min = 0, max = 86_400) double startS,
            @Setting(summary = "end of the time window, seconds of the day", unit = "s", min = 0, max = 86_400) double endS,
            @Setting(summary = "multiply every client's rate", min = 1e-9) double rateScale,
            @Setting(summary = "most requests (0 = all in the window)", unit = "requests", min = 0) long requests) {
        public Settings() {
            this("", List.of(), 0, 3_600, 1.0, 0);
        }
    }

    private record Next(double tS, int client) {
    }

    private final Settings settings;
    private final long seed;

    public ServeGenWorkload() {
        this(new Settings(), new PluginContext(42, "workload", -1));
    }

    public ServeGenWorkload(Settings settings, PluginContext context) {
        if (!(settings.endS() > settings.startS())) throw new ServeLabException(context.nodePath() + ".end_s: must be after start_s");
        this.settings = settings;
        this.seed = context.seed();
    }

    @Override
    public RequestStream open(WorkloadContext context) {
        Path dir = context.baseDir() == null ? Path.of(settings.dir()) : context.baseDir().resolve(settings.dir());
        if (settings.dir().isBlank() || !Files.isDirectory(dir)) throw new ServeLabException("workload.dir: not a ServeGen folder: " + dir);
        List<Integer> numbers = settings.clients() == null || settings.clients().isEmpty()
                ? new ArrayList<>(ServeGenData.clientNumbers(dir)) : settings.clients();
        List<ServeGenClient> clients = new ArrayList<>();
        List<PiecewiseArrivals> arrivals = new ArrayList<>();
        List<SplittableRandom> rngs = new ArrayList<>();
        PriorityQueue<Next> queue = new PriorityQueue<>((a, b) -> a.tS != b.tS ? Double.compare(a.tS, b.tS) : Integer.compare(a.client, b.client));
        for (int number : numbers) {
            ServeGenClient c = ServeGenData.load(dir, number);
            SplittableRandom rng = new SplittableRandom(SplitMix64.mix(seed * 31 + number));
            PiecewiseArrivals a = ServeGenArrivals.of(c.windows(), settings.startS(), settings.endS(), settings.rateScale(), rng.split());
            clients.add(c);
            arrivals.add(a);
            rngs.add(rng);
            queue.add(new Next(a.next(), clients.size() - 1));
        }
        long limit = context.requestLimit() > 0 && settings.requests() > 0 ? Math.min(context.requestLimit(), settings.requests())
                : Math.max(context.requestLimit(), settings.requests());
        return new RequestStream() {
            long id;

            @Override
            public Request next() {
                Next n = queue.poll();
                if (n == null || Double.isInfinite(n.tS()) || (limit > 0 && id >= limit)) return null;
                int i = n.client();
                queue.add(new Next(arrivals.get(i).next(), i));
                ServeGenClient c = clients.get(i);
                long t = Math.round((n.tS() - settings.startS()) * 1e9);
                return new Request(id++, t, c.inputTokens(n.tS(), rngs.get(i)), c.outputTokens(n.tS(), rngs.get(i)),
                        null, 0, null, "client-" + c.number(), null);
            }
        };
    }
}
