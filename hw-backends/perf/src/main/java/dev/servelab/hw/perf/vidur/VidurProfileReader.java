package dev.servelab.hw.perf.vidur;

import dev.servelab.hw.perf.catalog.CatalogException;
import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.profile.ProfilePoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads Vidur's raw profiling CSVs (microsoft/vidur {@code data/profiling/compute/...}, MIT) into
 * a ServeLab {@link Profile}, so that {@code calibrate} can fit a device from a Vidur profile.
 * From {@code mlp.csv} it keeps the rows of one tensor-parallel degree and maps Vidur's operator
 * names to ServeLab's ({@link #MLP_NAMES}); from {@code attention.csv} (optional) the prefill rows
 * (chunk, KV size) and decode rows (batch, KV size). Times are the {@code .median} columns, in ms;
 * Vidur records them with Kineto, so they are kernel times without launch latency.
 */
public final class VidurProfileReader {
    /**
     * Vidur operator name in mlp.csv to ServeLab operator name. {@code post_attention_layernorm}
     * duplicates {@code rms_norm}; {@code emb} (vocabulary-parallel embedding, which Vidur's
     * batch time does not use either) is left out.
     */
    public static final Map<String, String> MLP_NAMES = Map.of(
            "attn_pre_proj", "qkv_proj", "attn_post_proj", "attn_out", "mlp_up_proj", "mlp_up_gate",
            "mlp_down_proj", "mlp_down", "mlp_act", "silu_mul", "input_layernorm", "rms_norm",
            "attn_rope", "rope", "add", "add");

    private VidurProfileReader() {}

    public static Profile read(Path mlpCsv, Path attentionCsv, int tensorParallel) {
        List<ProfilePoint> points = new ArrayList<>();
        Table mlp = Table.read(mlpCsv);
        int tpCol = mlp.column("num_tensor_parallel_workers");
        int tokCol = mlp.column("num_tokens");
        for (String[] row : mlp.rows()) {
            if ((int) Double.parseDouble(row[tpCol]) != tensorParallel) {
                continue;
            }
            int tokens = (int) Double.parseDouble(row[tokCol]);
            for (Map.Entry<String, String> e : MLP_NAMES.entrySet()) {
                double ms = mlp.number(row, "time_stats." + e.getKey() + ".median");
                if (ms > 0) {
                    points.add(new ProfilePoint(e.getValue(), "vidur", tokens, 0, 0, ms, Double.NaN, Double.NaN, 0));
                }
            }
        }
        if (attentionCsv != null) {
            Table att = Table.read(attentionCsv);
            for (String[] row : att.rows()) {
                if ((int) att.number(row, "num_tensor_parallel_workers") != tensorParallel) {
                    continue;
                }
                int kv = (int) att.number(row, "kv_cache_size");
                if ("True".equals(row[att.column("is_prefill")])) {
                    double ms = att.number(row, "time_stats.attn_prefill.median");
                    int chunk = (int) att.number(row, "prefill_chunk_size");
                    if (ms > 0) {
                        points.add(new ProfilePoint("attn_prefill", "vidur", chunk, 0, kv, ms, Double.NaN, Double.NaN, 0));
                    }
                } else {
                    double ms = att.number(row, "time_stats.attn_decode.median");
                    int batch = (int) att.number(row, "batch_size");
                    if (ms > 0) {
                        points.add(new ProfilePoint("attn_decode", "vidur", 0, batch, kv, ms, Double.NaN, Double.NaN, 0));
                    }
                }
            }
        }
        if (points.isEmpty()) {
            throw new CatalogException(mlpCsv + ": no rows for num_tensor_parallel_workers = " + tensorParallel);
        }
        return new Profile(mlpCsv.toString(), points, Double.NaN, Double.NaN, tensorParallel, false);
    }

    /** A small CSV table with a header (Vidur's files have no quoted commas). */
    record Table(Path file, List<String> header, List<String[]> rows) {
        static Table read(Path f) {
            try (BufferedReader r = Files.newBufferedReader(f)) {
                String first = r.readLine();
                if (first == null) {
                    throw new CatalogException(f + ": empty file");
                }
                List<String[]> rows = r.lines().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
                return new Table(f, Arrays.asList(first.split(",", -1)), rows);
            } catch (IOException e) {
                throw new CatalogException(f + ": cannot read: " + e.getMessage(), e);
            }
        }

        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new CatalogException(file + ": missing column " + name);
            }
            return i;
        }

        /** The cell as a number; NaN when empty. */
        double number(String[] row, String name) {
            String v = row[column(name)].trim();
            return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
    }
}
