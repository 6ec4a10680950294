package dev.servelab.plugins.workload;

import dev.servelab.engine.model.SplitMix64;
import dev.servelab.plugins.workload.ChainedBlockHashes.Segment;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The random ingredients of {@link SessionWorkload}, each from its own seeded generator so that, for
 * example, changing the answer lengths does not move the session arrivals: the shared system prompts,
 * session starts, turn counts, think times and message lengths.
 */
final class SessionParts {
    private final SessionWorkload.Settings settings;
    private final ArrivalProcess sessionArrivals;
    private final Segment[] systemPrompts;
    private final ZipfLengths promptChoice;
    private final SplittableRandom sessionRng;
    private final SplittableRandom lengthRng;
    private final LengthSampler user;
    private final LengthSampler output;

    SessionParts(SessionWorkload.Settings settings, long seed, Path baseDir) {
        this.settings = settings;
        SplittableRandom root = new SplittableRandom(seed);
        this.sessionArrivals = new ArrivalProcess(settings.sessionRatePerS(), settings.sessionCv(), null, root.split());
        SplittableRandom promptRng = root.split();
        LengthSampler system = settings.systemTokens().sampler(baseDir, "input");
        this.systemPrompts = new Segment[settings.systemPrompts()];
        for (int i = 0; i < systemPrompts.length; i++) {
            systemPrompts[i] = new Segment(SplitMix64.mix(0x5_7573_7465_6DL + i), system.sample(promptRng));
        }
        this.promptChoice = new ZipfLengths(0, systemPrompts.length - 1, Math.max(1e-9, settings.promptPopularityS()));
        this.sessionRng = root.split();
        this.lengthRng = root.split();
        this.user = settings.userTokens().sampler(baseDir, "input");
        this.output = settings.output().sampler(baseDir, "output");
    }

    ArrivalProcess sessionArrivals() {
        return sessionArrivals;
    }

    Conversation newSession(long number) {
        Segment prompt = systemPrompts[promptChoice.sample(sessionRng)];
        double stop = 1 / settings.meanTurns();
        int turns = stop >= 1 ? 1 : 1 + (int) Math.floor(Math.log(1 - sessionRng.nextDouble()) / Math.log(1 - stop));
        return new Conversation(number, prompt, Math.min(turns, settings.maxTurns()));
    }

    long thinkNanos() {
        return Math.round(sessionRng.nextExponential() * settings.thinkTimeS() * 1e9);
    }

    int userTokens() {
        return user.sample(lengthRng);
    }

    int outputTokens() {
        return output.sample(lengthRng);
    }
}
