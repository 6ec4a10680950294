package dev.servelab.hw.perf.vidur;

import dev.servelab.hw.perf.catalog.CatalogException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Vidur's per-layer runtime lookup tables (ms), as its {@code SklearnExecutionTimePredictor}
 * produces them from a profile (microsoft/vidur, MIT): one CSV per operator in a folder.
 * Token-indexed tables ({@code attn_pre_proj}, {@code attn_post_proj}, {@code mlp_up_proj},
 * {@code mlp_down_proj}, {@code mlp_act}, {@code attn_rope}, {@code attn_kv_cache_save},
 * {@code input_layernorm}, {@code post_attention_layernorm}, {@code add}, {@code all_reduce},
 * {@code send_recv}) have columns {@code num_tokens,prediction}; {@code attn_decode} has
 * {@code batch_size,kv_cache_size,prediction}; {@code attn_prefill} (optionally gzipped) has
 * {@code kv_cache_size,prefill_chunk_size_squared,prediction}. Missing optional tables
 * ({@code all_reduce} at TP 1, {@code send_recv} at PP 1) read as absent.
 */
public final class VidurLatencyTables {
    static final List<String> TOKEN_TABLES = List.of("attn_pre_proj", "attn_post_proj", "mlp_up_proj", "mlp_down_proj",
            "mlp_act", "attn_rope", "attn_kv_cache_save", "input_layernorm", "post_attention_layernorm", "add",
            "all_reduce", "send_recv");
    static final List<String> REQUIRED = List.of("attn_pre_proj", "attn_post_proj", "mlp_up_proj", "mlp_down_proj",
            "mlp_act", "attn_rope", "attn_kv_cache_save", "input_layernorm", "post_attention_layernorm", "add");

    private final Map<String, double[]> byTokens = new HashMap<>();
    private double[][] decode; // [batch][kv / granularity]
    private final Map<Long, Double> prefill = new HashMap<>();
    private int granularity = 64;
    private final Path folder;

    private VidurLatencyTables(Path folder) {
        this.folder = folder;
    }

    public static VidurLatencyTables read(Path folder) {
        VidurLatencyTables t = new VidurLatencyTables(folder);
        for (String name : TOKEN_TABLES) {
            Path f = folder.resolve(name + ".csv");
            if (Files.isRegularFile(f)) {
                t.byTokens.put(name, t.readTokenTable(f));
            } else if (REQUIRED.contains(name)) {
                throw new CatalogException(folder + ": missing Vidur table " + name + ".csv");
            }
        }
        t.readDecode(folder.resolve("attn_decode.csv"));
        Path pre = folder.resolve("attn_prefill.csv");
        t.readPrefill(Files.isRegularFile(pre) ? pre : folder.resolve("attn_prefill.csv.gz"));
        return t;
    }

    public Path folder() {
        return folder;
    }

    public boolean has(String table) {
        return byTokens.containsKey(table);
    }

    /** The largest token count of the token-indexed tables. */
    public int maxTokens() {
        return byTokens.get("add").length - 1;
    }

    public int granularity() {
        return granularity;
    }

    /** ms of a token-indexed table at {@code tokens} (clamped to the table's range). */
    public double tokenMs(String table, int tokens) {
        double[] t = byTokens.get(table);
        if (t == null) {
            throw new IllegalArgumentException("Vidur table " + table + " is not in " + folder);
        }
        return t[Math.max(1, Math.min(t.length - 1, tokens))];
    }

    /** ms of decode attention for {@code batch} sequences at rounded mean KV size {@code kv} (both clamped). */
    public double decodeMs(int batch, int kv) {
        int b = Math.max(1, Math.min(decode.length - 1, batch));
        int k = Math.max(0, Math.min(decode[b].length - 1, kv / granularity));
        return decode[b][k];
    }

    /** ms of prefill attention at aggregate KV size {@code kv} and squared aggregate chunk {@code chunkSquared}, or NaN. */
    public double prefillMs(int kv, long chunkSquared) {
        Double v = prefill.get(key(kv, chunkSquared));
        return v == null ? Double.NaN : v;
    }

    private static long key(int kv, long chunkSquared) {
        return ((long) kv << 40) | chunkSquared;
    }

    private double[] readTokenTable(Path f) {
        double[] values = new double[1];
        int max = 0;
        for (String[] row : rows(f, "num_tokens", "prediction")) {
            int n = parseInt(f, row[0]);
            if (n >= values.length) {
                values = Arrays.copyOf(values, Math.max(n + 1, values.length * 2));
            }
            values[n] = parseDouble(f, row[1]);
            max = Math.max(max, n);
        }
        return Arrays.copyOf(values, max + 1);
    }

    private void readDecode(Path f) {
        List<String[]> rows = rows(f, "batch_size", "kv_cache_size", "prediction");
        int maxB = 0;
        int maxK = 0;
        int minStep = Integer.MAX_VALUE;
        for (String[] r : rows) {
            maxB = Math.max(maxB, parseInt(f, r[0]));
            int k = parseInt(f, r[1]);
            maxK = Math.max(maxK, k);
            if (k > 0) {
                minStep = Math.min(minStep, k);
            }
        }
        granularity = minStep == Integer.MAX_VALUE ? 64 : minStep;
        decode = new double[maxB + 1][maxK / granularity + 1];
        for (String[] r : rows) {
            decode[parseInt(f, r[0])][parseInt(f, r[1]) / granularity] = parseDouble(f, r[2]);
        }
    }

    private void readPrefill(Path f) {
        for (String[] r : rows(f, "kv_cache_size", "prefill_chunk_size_squared", "prediction")) {
            prefill.put(key(parseInt(f, r[0]), Long.parseLong(r[1].trim())), parseDouble(f, r[2]));
        }
    }

    private static List<String[]> rows(Path f, String... header) {
        if (!Files.isRegularFile(f)) {
            throw new CatalogException(f + ": missing Vidur table");
        }
        try (InputStream raw = Files.newInputStream(f);
                InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = r.readLine();
            if (first == null || !Arrays.equals(first.trim().split(","), header)) {
                throw new CatalogException(f + ":1: expected header " + String.join(",", header) + ", got " + first);
            }
            return r.lines().filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new CatalogException(f + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static int parseInt(Path f, String s) {
        try {
            return (int) Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new CatalogException(f + ": not a number: '" + s + "'");
        }
    }

    private static double parseDouble(Path f, String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new CatalogException(f + ": not a number: '" + s + "'");
        }
    }
}
