package dev.servelab.engine.store;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.model.Request;
import dev.servelab.engine.observe.IterationRecord;
import dev.servelab.engine.observe.LongList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read API against a real SQLite file written by the real {@link RunRecorder}: a small run's
 * observer events (requests finishing and rejected on two replicas, sampled token times with a
 * preemption, more iterations than one stored chunk holds) go in, and every column comes back as it
 * was recorded, agreeing with the CSV export's decoding of the same rows.
 */
class StoreReaderTest {
    private static final int REPLICAS = 2;
    private static final long BUCKET_NANOS = 50_000_000L;
    private static final int ITERATIONS = IterationLog.CHUNK + 900;

    @TempDir
    Path dir;
    private Path db;
    private long runId;
    private final List<EndedSequence> finished = new ArrayList<>();
    private final List<long[]> iterations = new ArrayList<>();

    @BeforeEach
    void recordASmallRun() {
        db = dir.resolve("runs.db");
        Random rnd = new Random(7);
        try (RunStore store = RunStore.open(db)) {
            runId = store.beginRun(new NewRun("reader", "sim", 7, "workload.poisson", REPLICAS, BUCKET_NANOS / 1_000_000,
                    "{}", "{}"));
            RunRecorder recorder = new RunRecorder(store, runId, REPLICAS, BUCKET_NANOS);
            for (int i = 0; i < 400; i++) {
                long arrival = i * 1_000_000L;
                Request r = Request.of(i, arrival, 10 + rnd.nextInt(500), 2 + rnd.nextInt(40));
                if (i % 50 == 49) {
                    recorder.onRejected(r, "queue full", i % REPLICAS, arrival);
                    continue;
                }
                EndedSequence s = ended(r, i % REPLICAS, i % 4 == 0, i == 8, rnd);
                finished.add(s);
                recorder.onFinished(s, s.finishNanos());
            }
            for (int replica = 0; replica < REPLICAS; replica++) {
                long t = 0;
                for (int i = 0; i < ITERATIONS; i++) {
                    IterationRecord it = iteration(replica, t, rnd);
                    iterations.add(new long[] {replica, it.startNanos, it.endNanos, it.prefillTokens, it.decodeTokens, it.batchSize});
                    recorder.onIteration(it);
                    t = it.endNanos + rnd.nextInt(3);
                }
            }
            recorder.complete();
            store.finishRun(runId, RunStatus.COMPLETED, "{}", null);
        }
    }

    private static EndedSequence ended(Request r, int replica, boolean sampled, boolean preempted, Random rnd) {
        long scheduled = r.arrivalNanos() + rnd.nextInt(2_000_000);
        long first = scheduled + 1 + rnd.nextInt(30_000_000);
        LongList tokens = sampled ? new LongList(r.outputTokens()) : null;
        long t = first;
        for (int k = 0; k < r.outputTokens(); k++) {
            if (k > 0) t += 1 + rnd.nextInt(20_000_000);
            if (tokens != null) tokens.add(t);
        }
        LongList preemptions = sampled ? new LongList(2) : null;
        if (preempted) preemptions.add(first + 5);
        return new EndedSequence(r, replica, scheduled, first, t, r.outputTokens(), rnd.nextInt(r.promptTokens()),
                preempted ? 1 : 0, tokens, preemptions);
    }

    private static IterationRecord iteration(int replica, long start, Random rnd) {
        IterationRecord it = new IterationRecord();
        it.replica = replica;
        it.startNanos = start;
        it.endNanos = start + 1_000 + rnd.nextInt(2_000_000);
        it.prefillTokens = rnd.nextInt(3) == 0 ? rnd.nextInt(8192) : 0;
        it.decodeTokens = rnd.nextInt(256);
        it.batchSize = 1 + rnd.nextInt(256);
        it.kvUsedBlocks = rnd.nextInt(1000);
        it.kvCapacityBlocks = 1000;
        it.lookupTokens = it.prefillTokens;
        it.hitTokens = it.prefillTokens / 2;
        it.joules = Double.NaN;
        return it;
    }

    @Test
    void requestsComeBackInIdOrderWithRejectedTimesAsMinusOne() {
        try (StoreReader reader = StoreReader.open(db)) {
            RequestTable t = reader.requests(runId);
            assertEquals(400, t.size());
            int f = 0;
            for (int i = 0; i < t.size(); i++) {
                assertEquals(i, t.id()[i]);
                if (i % 50 == 49) {
                    assertEquals(-1, t.finish()[i]);
                    assertEquals(-1, t.firstToken()[i]);
                    assertTrue(!t.completed(i));
                    continue;
                }
                EndedSequence s = finished.get(f++);
                assertEquals(s.replica(), t.replica()[i]);
                assertEquals(s.request().arrivalNanos(), t.arrival()[i]);
                assertEquals(s.firstScheduledNanos(), t.firstScheduled()[i]);
                assertEquals(s.firstTokenNanos(), t.firstToken()[i]);
                assertEquals(s.finishNanos(), t.finish()[i]);
                assertEquals(s.request().promptTokens(), t.prompt()[i]);
                assertEquals(s.request().outputTokens(), t.output()[i]);
                assertEquals(s.totalCachedTokens(), t.cached()[i]);
                assertEquals(s.preemptions(), t.preemptions()[i]);
            }
        }
    }

    @Test
    void sampledTokenTimesDecodeToTheRecordedTimesAndAgreeWithTheExport() throws Exception {
        List<EndedSequence> sampled = finished.stream().filter(EndedSequence::isSampled).toList();
        try (StoreReader reader = StoreReader.open(db); RunStore store = RunStore.open(db)) {
            TokenTable t = reader.tokens(runId);
            assertEquals(sampled.size(), t.rows());
            long total = 0;
            for (int r = 0; r < t.rows(); r++) {
                EndedSequence s = sampled.get(r);
                assertEquals(s.request().id(), t.requestId()[r]);
                assertArrayEquals(s.tokenTimes().toArray(), java.util.Arrays.copyOfRange(t.times(), t.start()[r], t.start()[r + 1]));
                assertArrayEquals(s.preemptionTimes().toArray(),
                        java.util.Arrays.copyOfRange(t.preempted(), t.preemptStart()[r], t.preemptStart()[r + 1]));
                assertEquals(s.finishNanos(), t.lastToken(r));
                total += s.tokenTimes().size();
            }
            assertEquals(total, t.totalTokens());
            StringWriter csv = new StringWriter();
            RunExport.csv(store, runId, "tokens", csv);
            assertEquals(total, csv.toString().lines().count() - 1, "the export decodes the same token rows");
        }
    }

    @Test
    void iterationsSpanningSeveralChunksComeBackPerReplicaInTimeOrder() {
        try (StoreReader reader = StoreReader.open(db)) {
            List<IterationTable> tables = reader.iterations(runId, REPLICAS);
            assertEquals(REPLICAS, tables.size());
            for (int replica = 0; replica < REPLICAS; replica++) {
                IterationTable t = tables.get(replica);
                assertEquals(replica, t.replica());
                assertEquals(ITERATIONS, t.size());
                for (int i = 0; i < ITERATIONS; i++) {
                    long[] want = iterations.get(replica * ITERATIONS + i);
                    assertEquals(want[1], t.start()[i]);
                    assertEquals(want[2], t.end()[i]);
                    assertEquals(want[3], t.prefill()[i]);
                    assertEquals(want[4], t.decode()[i]);
                    assertEquals(want[5], t.batch()[i]);
                }
            }
        }
    }

    @Test
    void bucketsSumTheIterationsThatEndedInThem() {
        try (StoreReader reader = StoreReader.open(db)) {
            BucketTable b = reader.buckets(runId, REPLICAS, BUCKET_NANOS);
            long lastEnd = iterations.stream().mapToLong(it -> it[2]).max().orElseThrow();
            assertEquals(lastEnd / BUCKET_NANOS + 1, b.buckets());
            long[][] prefill = new long[REPLICAS][b.buckets()];
            long[][] decode = new long[REPLICAS][b.buckets()];
            for (long[] it : iterations) {
                prefill[(int) it[0]][(int) (it[2] / BUCKET_NANOS)] += it[3];
                decode[(int) it[0]][(int) (it[2] / BUCKET_NANOS)] += it[4];
            }
            for (int r = 0; r < REPLICAS; r++) {
                assertArrayEquals(prefill[r], b.prefill()[r]);
                assertArrayEquals(decode[r], b.decode()[r]);
                for (int k = 0; k < b.buckets(); k++) {
                    if (b.lookup()[r][k] > 0) assertEquals(b.hit()[r][k], b.lookup()[r][k] / 2, b.lookup()[r][k] / 2.0);
                }
            }
            assertEquals(BUCKET_NANOS / 1e9, b.bucketSeconds());
        }
    }

    @Test
    void aRunWithoutRowsReadsAsEmptyTablesAndAMissingTableIsAnErrorNamingTheFile() {
        try (StoreReader reader = StoreReader.open(db)) {
            assertEquals(0, reader.requests(runId + 1).size());
            assertEquals(0, reader.tokens(runId + 1).rows());
            assertEquals(0, reader.iterations(runId + 1, REPLICAS).getFirst().size());
            assertEquals(0, reader.buckets(runId + 1, REPLICAS, BUCKET_NANOS).buckets());
        }
        Path empty = dir.resolve("not-a-store.db");
        try (StoreReader reader = StoreReader.open(empty)) {
            ServeLabException e = assertThrows(ServeLabException.class, () -> reader.requests(1));
            assertTrue(e.getMessage().startsWith(empty + ": cannot read run 1: "), e.getMessage());
        }
    }
}
