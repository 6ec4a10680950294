package dev.servelab.hw.jvm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measured acceptance of greedy speculative verification: per verify step, the proposals made and the
 * length of the prefix the target agreed with. Per position {@code j} (1-based), the conditional rate
 * is the share of steps that proposed token {@code j} with tokens {@code 1..j-1} accepted in which
 * token {@code j} was accepted too; that is the {@code per_position} form a pool's
 * {@code speculative.acceptance} reads ({@link #write} makes the measured file it reads with
 * {@code acceptance: {file: …}}).
 */
public final class SpeculativeStats {
    private final int k;
    private final long[] reached;
    private final long[] accepted;
    private final long[] histogram;
    private long steps;
    private long proposed;
    private long acceptedTotal;

    public SpeculativeStats(int k) {
        this.k = k;
        this.reached = new long[k];
        this.accepted = new long[k];
        this.histogram = new long[k + 1];
    }

    /**
     * The greedy verification rule: how many leading {@code proposals} equal the target's greedy choice
     * at the same position ({@code targetRows[j]} is the target's choice after the token before
     * proposal {@code j}). The output is then exactly plain greedy decoding's.
     */
    public static int acceptedPrefix(int[] proposals, int[] targetRows) {
        int a = 0;
        while (a < proposals.length && proposals[a] == targetRows[a]) a++;
        return a;
    }

    /** Records one verify step of {@code proposals} (1..k) proposals of which the first {@code accepted} were kept. */
    public synchronized void record(int proposals, int accepted) {
        steps++;
        proposed += proposals;
        acceptedTotal += accepted;
        histogram[accepted]++;
        for (int j = 0; j < proposals && j <= accepted; j++) {
            reached[j]++;
            if (j < accepted) this.accepted[j]++;
        }
    }

    public int k() {
        return k;
    }

    public synchronized long steps() {
        return steps;
    }

    /** Mean accepted proposals per verify step. */
    public synchronized double meanAccepted() {
        return steps == 0 ? 0 : (double) acceptedTotal / steps;
    }

    /** Mean tokens emitted per verify step (accepted + the target's own token). */
    public synchronized double meanTokensPerStep() {
        return steps == 0 ? 0 : 1 + meanAccepted();
    }

    /** Accepted over proposed tokens. */
    public synchronized double acceptanceRate() {
        return proposed == 0 ? 0 : (double) acceptedTotal / proposed;
    }

    /** Conditional acceptance rate at each position 1..k (0 where no step got that far). */
    public synchronized double[] perPosition() {
        double[] r = new double[k];
        for (int j = 0; j < k; j++) r[j] = reached[j] == 0 ? 0 : (double) accepted[j] / reached[j];
        return r;
    }

    /** Steps by accepted count 0..k. */
    public synchronized long[] histogram() {
        return histogram.clone();
    }

    /** The measured file: {@code per_position} (what {@code acceptance: {file: …}} reads) and the raw counts. */
    public synchronized Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("num_speculative_tokens", k);
        m.put("per_position", Arrays.stream(perPosition()).map(v -> Math.round(v * 1e6) / 1e6).toArray());
        m.put("verify_steps", steps);
        m.put("proposed_tokens", proposed);
        m.put("accepted_tokens", acceptedTotal);
        m.put("mean_accepted_per_step", Math.round(meanAccepted() * 1e6) / 1e6);
        m.put("acceptance_rate", Math.round(acceptanceRate() * 1e6) / 1e6);
        m.put("accepted_histogram", histogram.clone());
        return m;
    }

    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), toJson());
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
