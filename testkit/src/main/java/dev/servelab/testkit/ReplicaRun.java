package dev.servelab.testkit;

import dev.servelab.engine.event.EventLoop;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.RunObserver;
import dev.servelab.engine.observe.SequenceRecord;
import dev.servelab.engine.plugin.PluginKind;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.replica.CpuTier;
import dev.servelab.engine.replica.OffloadTiers;
import dev.servelab.engine.replica.KvCache;
import dev.servelab.engine.replica.Replica;
import dev.servelab.engine.replica.Sequence;
import dev.servelab.engine.spi.BatchScheduler;
import dev.servelab.engine.spi.EvictionPolicy;
import dev.servelab.engine.spi.PluginContext;

import java.util.ArrayList;
import java.util.List;

/**
 * One engine replica — the real {@link Replica}, {@link KvCache} and event loop — running a batch
 * scheduler over requests submitted at their arrival times, with iterations timed by a
 * {@link LinearTimeExecutor}. Every token time is kept, and each iteration is recorded with the
 * scheduler's {@link Decision}s. {@link #run()} checks at the end that every request completed (or
 * was refused with a reason), no KV block is still held, every output token was emitted exactly once,
 * and the tokens computed add up to the prompts and outputs (exactly, when nothing was preempted by
 * recompute).
 *
 * <pre>{@code
 * ReplicaRun run = ReplicaRun.of(new MyScheduler()).iterationMs(10, 0).kv(100, 16)
 *         .submit(Request.of(0, 0, 10, 3), Request.of(1, 5_000_000, 20, 2))
 *         .run();
 * assertEquals(30_000_000, run.seq(0).finishNanos());
 * }</pre>
 */
public final class ReplicaRun {
    /** What one iteration did: its timing, batch composition, KV use after it, and the scheduler's decisions. */
    public record Iteration(long startNanos, long durationNanos, int prefillTokens, int decodeTokens, int batchSize,
                            int preemptions, int kvUsedBlocks, List<Decision> decisions) {
    }

    private final RecordingScheduler scheduler;
    private EvictionPolicy eviction;
    private OffloadTiers cpuTier;
    private double baseMs = 10;
    private double perTokenMs;
    private int capacityBlocks = 1000;
    private int blockSize = 16;
    private int maxSeqs = 256;
    private int maxTokens = 8192;
    private boolean prefixCaching = true;
    private final EventLoop loop = new EventLoop();
    private final List<Sequence> finished = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final List<Iteration> iterations = new ArrayList<>();
    private KvCache kv;
    private Replica replica;
    private int submitted;

    private ReplicaRun(BatchScheduler scheduler) {
        this.scheduler = new RecordingScheduler(scheduler);
    }

    /** A replica scheduling with {@code scheduler}; iterations of 10 ms, 1,000 KV blocks of 16 tokens, prefix caching. */
    public static ReplicaRun of(BatchScheduler scheduler) {
        return new ReplicaRun(scheduler);
    }

    /** The eviction policy (default: {@code kv.lru} from the plugin registry). */
    public ReplicaRun eviction(EvictionPolicy policy) {
        unbuilt().eviction = policy;
        return this;
    }

    /** Each iteration takes {@code baseMs + perTokenMs · tokens}. */
    public ReplicaRun iterationMs(double base, double perToken) {
        unbuilt().baseMs = base;
        this.perTokenMs = perToken;
        return this;
    }

    public ReplicaRun kv(int capacity, int blockSizeTokens) {
        unbuilt().capacityBlocks = capacity;
        this.blockSize = blockSizeTokens;
        return this;
    }

    /** {@code max_num_seqs} and {@code max_num_batched_tokens} (256 and 8,192 unless set). */
    public ReplicaRun limits(int maxNumSeqs, int maxNumBatchedTokens) {
        unbuilt().maxSeqs = maxNumSeqs;
        this.maxTokens = maxNumBatchedTokens;
        return this;
    }

    public ReplicaRun cpuTier(CpuTier tier) {
        unbuilt().cpuTier = tier;
        return this;
    }

    /** Tiers below the GPU cache (tiered KV offload: CPU and/or disk, a policy, overlap). */
    public ReplicaRun tiers(OffloadTiers tiers) {
        unbuilt().cpuTier = tiers;
        return this;
    }

    public ReplicaRun prefixCaching(boolean on) {
        unbuilt().prefixCaching = on;
        return this;
    }

    /** Queues each request at its arrival time. */
    public ReplicaRun submit(Request... requests) {
        built();
        for (Request r : requests) {
            submitted++;
            loop.at(r.arrivalNanos(), () -> {
                String why = replica.enqueue(new Sequence(r, 0, true));
                if (why != null) refused.add(why);
            });
        }
        return this;
    }

    public ReplicaRun submit(List<Request> requests) {
        return submit(requests.toArray(Request[]::new));
    }

    /** Runs until no event is left, then checks the end-of-run invariants (an {@link AssertionError} names the first broken one). */
    public ReplicaRun run() {
        built();
        loop.run();
        RunInvariants.checkReplica(this);
        return this;
    }

    /** Finished sequences, in finishing order. */
    public List<Sequence> finished() {
        return List.copyOf(finished);
    }

    /** The finished sequence of request {@code id}. */
    public Sequence seq(long id) {
        return finished.stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("request " + id + " did not finish"));
    }

    /** Why each refused request was refused (a request longer than the whole KV cache). */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    public List<Iteration> iterations() {
        return List.copyOf(iterations);
    }

    public int submitted() {
        return submitted;
    }

    public KvCache kvCache() {
        return built().kv;
    }

    public Replica replica() {
        return built().replica;
    }

    /** Largest gap between consecutive tokens of request {@code id}, in ms. */
    public double maxGapMs(long id) {
        long[] t = seq(id).tokenTimes().toArray();
        long max = 0;
        for (int i = 1; i < t.length; i++) max = Math.max(max, t[i] - t[i - 1]);
        return max / 1e6;
    }

    public int totalPrefillTokens() {
        return iterations.stream().mapToInt(Iteration::prefillTokens).sum();
    }

    public int totalDecodeTokens() {
        return iterations.stream().mapToInt(Iteration::decodeTokens).sum();
    }

    private ReplicaRun unbuilt() {
        if (replica != null) throw new IllegalStateException("configure the replica before submitting requests");
        return this;
    }

    private ReplicaRun built() {
        if (replica != null) return this;
        EvictionPolicy policy = eviction != null ? eviction : defaultEviction();
        kv = new KvCache(capacityBlocks, blockSize, policy, cpuTier);
        RunObserver observe = new RunObserver() {
            @Override
            public void onFinished(SequenceRecord s, long now) {
                finished.add((Sequence) s);
            }

            @Override
            public void onIteration(IterationRecord r) {
                iterations.add(new Iteration(r.startNanos, r.endNanos - r.startNanos, r.prefillTokens, r.decodeTokens,
                        r.batchSize, r.preemptions, r.kvUsedBlocks, scheduler.latest()));
            }
        };
        LinearTimeExecutor executor = new LinearTimeExecutor(new LinearTimeExecutor.Settings(baseMs, perTokenMs));
        replica = new Replica(0, "test", scheduler, executor, kv, prefixCaching, maxSeqs, maxTokens, loop,
                new RunObserver[]{observe}, (s, now) -> { });
        return this;
    }

    private static EvictionPolicy defaultEviction() {
        PluginRegistry registry = PluginRegistry.load();
        if (registry.ofKind(PluginKind.EVICTION).stream().noneMatch(d -> d.id().equals("kv.lru"))) {
            throw new IllegalStateException("kv.lru is not on the class path: pass an eviction policy with eviction(...)");
        }
        return registry.create(PluginKind.EVICTION, "kv.lru", null, new PluginContext(0, "kv_cache.eviction", 0));
    }
}
