package dev.servelab.plugins.workload;

import dev.servelab.engine.model.Request;
import dev.servelab.engine.spi.Plugin;
import dev.servelab.engine.spi.PluginContext;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.spi.Setting;
import dev.servelab.engine.spi.WorkloadContext;
import dev.servelab.engine.spi.WorkloadGenerator;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Multi-turn chat sessions with shared prefixes: sessions start as a Gamma process; each picks one of
 * {@code system_prompts} shared system prompts (Zipf popularity) and runs a geometric number of turns
 * separated by exponential think times. A turn's prompt is the system prompt plus the whole history,
 * and its {@link Request#hashIds()} are chained block hashes, so a prefix cache reuses the system
 * prompt across sessions and the history within one, as Mooncake (FAST'25) and vLLM's automatic
 * prefix caching exploit. Request rate ≈ session rate × mean turns.
 */
@Plugin(id = "workload.sessions", summary = "Multi-turn sessions with shared system prompts and growing history (prefix hashes)",
        source = "Mooncake (FAST'25); vLLM automatic prefix caching")
public final class SessionWorkload implements WorkloadGenerator {
    public record Settings(
            @Setting(summary = "new sessions per second", unit = "sessions/s", min = 1e-9) double sessionRatePerS,
            @Setting(summary = "CV of gaps between session starts", min = 0) double sessionCv,
            @Setting(summary = "number of requests (turns, all sessions)", unit = "requests", min = 1) long requests,
            @Setting(summary = "mean turns per session (geometric)", min = 1) double meanTurns,
            @Setting(summary = "most turns per session", min = 1) int maxTurns,
            @Setting(summary = "mean user think time between turns (exponential)", unit = "s", min = 0) double thinkTimeS,
            @Setting(summary = "distinct shared system prompts", min = 1) int systemPrompts,
            @Setting(summary = "Zipf exponent of system-prompt popularity", min = 0) double promptPopularityS,
            @Setting(summary = "system prompt lengths") LengthDistribution systemTokens,
            @Setting(summary = "user message lengths per turn") LengthDistribution userTokens,
            @Setting(summary = "answer lengths") LengthDistribution output,
            @Setting(summary = "a session ends when its context would exceed this", unit = "tokens", min = 1) int maxContextTokens,
            @Setting(summary = "tokens per prefix-hash block (512 = Mooncake)", unit = "tokens", min = 1) int blockTokens) {
        public Settings() {
            this(1.0, 1.0, 1000, 4, 32, 30, 8, 1.0, LengthDistribution.lognormal(1500, 0.5, 50, 8_000),
                    LengthDistribution.lognormal(200, 1.2, 1, 8_000), LengthDistribution.lognormal(300, 0.8, 1, 2_000),
                    32_000, 64);
        }
    }

    private record Turn(long arrivalNanos, long seq, Conversation session) {
    }

    private final Settings settings;
    private final long seed;

    public SessionWorkload() {
        this(new Settings(), new PluginContext(42, "workload", -1));
    }

    public SessionWorkload(Settings settings, PluginContext context) {
        this.settings = settings;
        this.seed = context.seed();
    }

    @Override
    public RequestStream open(WorkloadContext context) {
        long n = context.requestLimit() > 0 ? Math.min(context.requestLimit(), settings.requests()) : settings.requests();
        return new Stream(n, new SessionParts(settings, seed, context.baseDir()));
    }

    private final class Stream implements RequestStream {
        private final long limit;
        private final SessionParts parts;
        private final PriorityQueue<Turn> turns = new PriorityQueue<>((a, b) -> a.arrivalNanos != b.arrivalNanos
                ? Long.compare(a.arrivalNanos, b.arrivalNanos) : Long.compare(a.seq, b.seq));
        private long nextSessionNanos;
        private long sessions;
        private long seq;
        private long id;

        Stream(long limit, SessionParts parts) {
            this.limit = limit;
            this.parts = parts;
            this.nextSessionNanos = parts.sessionArrivals().next();
        }

        @Override
        public Request next() {
            while (id < limit) {
                if (turns.isEmpty() || nextSessionNanos <= turns.peek().arrivalNanos()) {
                    turns.add(new Turn(nextSessionNanos, seq++, parts.newSession(sessions++)));
                    nextSessionNanos = parts.sessionArrivals().next();
                }
                Request r = take(turns.poll());
                if (r != null) return r;
            }
            return null;
        }

        private Request take(Turn turn) {
            Conversation c = turn.session();
            int user = parts.userTokens();
            int output = parts.outputTokens();
            if (c.tokens() + user + output > settings.maxContextTokens()) return null;
            int prompt = c.ask(user);
            Request r = new Request(id++, turn.arrivalNanos(), prompt, output, c.hashIds(settings.blockTokens()),
                    settings.blockTokens(), c.sessionId, null, null);
            c.answer(output);
            if (c.turnsLeft > 0) turns.add(new Turn(turn.arrivalNanos() + parts.thinkNanos(), seq++, c));
            return r;
        }
    }
}
