package dev.servelab.app.hardening;

import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.spi.RequestStream;
import dev.servelab.engine.store.RunInfo;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.engine.workload.WorkloadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A seeded fuzz test over the inputs a user hands ServeLab: mutated YAML of every shipped pipeline
 * (run through the real {@code servelab run} with a small request limit) and mutated small traces
 * of every trace format (generated here, read by each reader and, for a share of them, run). For
 * every input: no exception escapes except {@link ServeLabException}; a refusal is one line that
 * names the file (and line) or the node and field, with exit status 2; nothing is stored as completed
 * by a refused run. The counts and time go to {@code target/fuzz-report.txt}. The sizes are fixed
 * (no wall-clock limit), small enough for a few seconds of a normal build.
 */
class InputFuzzTest {
    static final long SEED = 14;
    static final int PIPELINE_INPUTS = 96;
    static final int TRACE_INPUTS_PER_FORMAT = 32;
    static final Path PIPELINES = Path.of("..", "sample-traces", "pipelines");
    static final java.util.Set<String> LIVE = java.util.Set.of("live-100m.yaml", "live-tiny.yaml", "live-speculative.yaml", "hybrid-edge.yaml");
    static final String[] EVIL = {"0", "-1", "1e300", "-1e300", "1e23", "18446744073709551617", "2147483648", "4294967299",
        "2147483647", "100000", "0.5", ".nan", ".inf", "-.inf", "abc", "null", "[]", "{}", "true", "''", "\"x\"", "[1, 2]"};
    static final Pattern LOCATION = Pattern.compile("^error: (--[a-z-]+|[A-Za-z_][\\w-]*(\\[\\d+])?(\\.[\\w-]+(\\[\\d+])?)*): .*");

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();
    private int tried;
    private int refused;
    private int ran;

    @Test
    void mutatedPipelinesAndTracesFailCleanly() throws Exception {
        long start = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(SEED);
        Path db = dir.resolve("runs.db");
        fuzzPipelines(rng.split(), db);
        int pipelineInputs = tried;
        double pipelineSeconds = (System.nanoTime() - start) / 1e9;
        fuzzTraces(rng.split(), db);
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = String.format(java.util.Locale.ROOT,
                "InputFuzzTest seed %d: %d inputs (%d mutated pipelines in %.1f s, %d mutated traces in %.1f s), %d ran,"
                        + " %d refused with one line, %d not clean, %.1f s%n", SEED, tried, pipelineInputs, pipelineSeconds,
                tried - pipelineInputs, seconds - pipelineSeconds, ran, refused, failures.size(), seconds);
        Files.writeString(Path.of("target", "fuzz-report.txt"), report + String.join("\n", failures));
        assertEquals(List.of(), failures, report);
    }

    // --- pipelines ------------------------------------------------------------------------------

    private void fuzzPipelines(SplittableRandom rng, Path db) throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(PIPELINES)) {
            // live and hybrid pipelines run on the wall clock (a mutated rate could make one wait for hours);
            // they are read by the same loader and binder as these
            samples = s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> !LIVE.contains(p.getFileName().toString()))
                    .sorted().toList();
        }
        // the pipelines' relative trace paths (../azure-code-like.csv) resolve as in sample-traces
        Path pipelines = Files.createDirectories(dir.resolve("pipelines"));
        try (Stream<Path> s = Files.list(PIPELINES.getParent())) {
            for (Path t : s.filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".jsonl")).toList()) {
                Files.copy(t, dir.resolve(t.getFileName()));
            }
        }
        for (int i = 0; i < PIPELINE_INPUTS; i++) {
            Path sample = samples.get(i % samples.size());
            String yaml = mutateYaml(Files.readString(sample), rng);
            Path file = pipelines.resolve("p" + i + "-" + sample.getFileName());
            Files.writeString(file, yaml);
            check(file, db, () -> Cli.run("run", file.toString(), "--requests", "10", "--db", db.toString()), yaml);
        }
    }

    static String mutateYaml(String yaml, SplittableRandom rng) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        int n = 1 + rng.nextInt(2);
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(lines.size());
            String line = lines.get(i);
            switch (rng.nextInt(7)) {
                case 0, 1 -> lines.set(i, replaceNumber(line, rng));
                case 2 -> lines.remove(i);
                case 3 -> lines.add(i, line);
                case 4 -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) lines.set(i, line.substring(0, colon + 2) + EVIL[rng.nextInt(EVIL.length)]);
                }
                case 5 -> {
                    if (!line.isEmpty()) {
                        int at = rng.nextInt(line.length());
                        String junk = ":{}[]-,#&*!|>'\"%@` \t";
                        lines.set(i, line.substring(0, at) + junk.charAt(rng.nextInt(junk.length())) + line.substring(at + 1));
                    }
                }
                default -> {
                    String all = String.join("\n", lines);
                    return all.substring(0, rng.nextInt(all.length() + 1));
                }
            }
            if (lines.isEmpty()) return "";
        }
        return String.join("\n", lines);
    }

    private static String replaceNumber(String line, SplittableRandom rng) {
        Matcher m = Pattern.compile("(?<=[:\\s,\\[{])-?\\d+(\\.\\d+)?(e[+-]?\\d+)?").matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(new int[] {m.start(), m.end()});
        if (spans.isEmpty()) return line;
        int[] s = spans.get(rng.nextInt(spans.size()));
        return line.substring(0, s[0]) + EVIL[rng.nextInt(EVIL.length)] + line.substring(s[1]);
    }

    // --- traces ---------------------------------------------------------------------------------

    /** A small valid trace per format, as this test writes them. */
    static final Map<String, String> TRACES = Map.of(
            "trace.azure-2023", "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 00:00:00.3545513,1847,326\n"
                    + "2023-11-16 00:00:00.5158719,952,89\n2023-11-16 00:00:01.1000000,120,12\n",
            "trace.azure-2024", "TIMESTAMP,ContextTokens,GeneratedTokens\n2024-05-10 00:00:00.009930+00:00,700,30\n"
                    + "2024-05-10 00:00:00.209930+00:00,1200,80\n2024-05-10 00:00:01.000000+00:00,64,8\n",
            "trace.burstgpt", "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n"
                    + "5,ChatGPT,472,18,490,Conversation log\n45,ChatGPT,1087,191,1278,Conversation log\n118,GPT-4,417,38,455,API log\n",
            "trace.mooncake", "{\"timestamp\": 0, \"input_length\": 6955, \"output_length\": 52, \"hash_ids\": [0, 1, 2]}\n"
                    + "{\"timestamp\": 1500, \"input_length\": 1200, \"output_length\": 10, \"hash_ids\": [0, 3]}\n"
                    + "{\"timestamp\": 3100, \"input_length\": 40, \"output_length\": 4, \"hash_ids\": []}\n",
            "trace.sharegpt", "[\n{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"hello there, how are you\"},"
                    + " {\"from\": \"gpt\", \"value\": \"fine, thanks for asking\"}]},\n{\"id\": \"b\", \"conversations\":"
                    + " [{\"from\": \"human\", \"value\": \"write a haiku\"}, {\"from\": \"gpt\", \"value\": \"an old pond\"}]}\n]\n",
            "trace.splitwise", "request_id,arrival_timestamp,prompt_size,token_size\n0,0.0,1020,51\n1,0.25,300,20\n2,1.5,4000,400\n",
            "trace.vidur", "arrived_at,num_prefill_tokens,num_decode_tokens\n0.0,1020,51\n0.25,300,20\n1.5,4000,400\n");

    private void fuzzTraces(SplittableRandom rng, Path db) throws Exception {
        PluginRegistry registry = PluginRegistry.load();
        for (String format : TRACES.keySet().stream().sorted().toList()) {
            for (int i = 0; i < TRACE_INPUTS_PER_FORMAT; i++) {
                String base = TRACES.get(format);
                Path file = dir.resolve("t" + i + "-" + format.substring(6) + (format.equals("trace.mooncake") ? ".jsonl" : ".csv"));
                byte[] bytes = mutateTrace(base, rng);
                boolean gz = rng.nextInt(6) == 0;
                if (gz) {
                    bytes = gzip(bytes);
                    if (rng.nextBoolean()) bytes = java.util.Arrays.copyOf(bytes, rng.nextInt(bytes.length + 1));
                    file = file.resolveSibling(file.getFileName() + ".gz");
                }
                Files.write(file, bytes);
                Path f = file;
                String shown = new String(bytes, StandardCharsets.ISO_8859_1);
                if (i % 4 == 0) {
                    check(f, db, () -> Cli.run("run", PIPELINES.resolve("quickstart.yaml").toString(), "--trace", f.toString(),
                            "--format", format, "--requests", "20", "--db", db.toString()), shown);
                } else {
                    read(registry, format, f, shown);
                }
            }
        }
    }

    static byte[] mutateTrace(String base, SplittableRandom rng) {
        List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
        String text = switch (rng.nextInt(8)) {
            case 0 -> {
                int i = rng.nextInt(lines.size());
                lines.set(i, replaceNumber(" " + lines.get(i), rng).substring(1));
                yield String.join("\n", lines);
            }
            case 1 -> {
                lines.remove(rng.nextInt(lines.size()));
                yield String.join("\n", lines);
            }
            case 2 -> {
                int i = rng.nextInt(lines.size());
                lines.add(rng.nextInt(lines.size() + 1), lines.get(i));
                yield String.join("\n", lines);
            }
            case 3 -> base.substring(0, rng.nextInt(base.length() + 1));
            case 4 -> {
                int i = 1 + rng.nextInt(Math.max(1, lines.size() - 1));
                lines.add(Math.min(i, lines.size()), EVIL[rng.nextInt(EVIL.length)] + "," + EVIL[rng.nextInt(EVIL.length)]);
                yield String.join("\n", lines);
            }
            case 5 -> "";
            default -> null;
        };
        if (text != null) return text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
        int flips = 1 + rng.nextInt(4);
        for (int k = 0; k < flips; k++) bytes[rng.nextInt(bytes.length)] = (byte) rng.nextInt(256);
        return bytes;
    }

    private static byte[] gzip(byte[] bytes) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    /** Reads the whole trace with the reader as a run would; only a one-line ServeLabException naming the file may come out. */
    private void read(PluginRegistry registry, String format, Path file, String shown) {
        tried++;
        try (RequestStream s = WorkloadFactory.openTrace(registry, format, null, file, 1.0, 0, "--trace")) {
            int n = 0;
            while (s.next() != null && n++ < 100_000) {
                // every request built by the reader is valid by construction (Request checks itself)
            }
        } catch (ServeLabException e) {
            refused++;
            String m = e.getMessage();
            if (m == null || m.contains("\n") || !m.contains(file.getFileName().toString())) {
                failures.add(file.getFileName() + ": message is not one line naming the file: " + m + "\n--- input:\n" + shown);
            }
        } catch (Throwable t) {
            failures.add(file.getFileName() + ": " + t + "\n--- input:\n" + shown);
        }
    }

    /** Runs the command; exit 0, or exit 2 with one located line and no completed run added. */
    private void check(Path file, Path db, java.util.function.Supplier<Cli> command, String shown) {
        tried++;
        long completedBefore = completed(db);
        Cli c;
        try {
            c = command.get();
        } catch (Throwable t) {
            failures.add(file.getFileName() + ": escaped " + t + "\n--- input:\n" + shown);
            return;
        }
        if (c.exit() == 0) {
            ran++;
            return;
        }
        String err = c.err().strip();
        if (c.exit() != 2) {
            failures.add(file.getFileName() + ": exit " + c.exit() + ": " + err + "\n--- input:\n" + shown);
        } else if (err.contains("\n") || !(err.contains(file.getFileName().toString()) || LOCATION.matcher(err).matches())) {
            failures.add(file.getFileName() + ": not one line naming file or node.field: " + err + "\n--- input:\n" + shown);
        } else if (completed(db) != completedBefore) {
            failures.add(file.getFileName() + ": refused but a run was stored as completed: " + err);
        } else {
            refused++;
        }
    }

    private static long completed(Path db) {
        if (!Files.exists(db)) return 0;
        try (RunStore store = RunStore.open(db)) {
            return store.listRuns().stream().map(RunInfo::status).filter(s -> s == RunStatus.COMPLETED).count();
        }
    }
}
