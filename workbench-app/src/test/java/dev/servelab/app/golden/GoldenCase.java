package dev.servelab.app.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code golden/cases.txt}: a golden file's name, a sample pipeline and the
 * {@code servelab run} arguments (with {@code ${shared}} standing for the shared data folder).
 */
record GoldenCase(String name, String pipeline, List<String> args) {
    static final String SHARED = "${shared}";

    boolean needsShared() {
        return args.stream().anyMatch(a -> a.contains(SHARED));
    }

    /** The full {@code servelab run} command line of this case. */
    List<String> commandLine(Path pipelines, Path shared, Path db) {
        List<String> cmd = new ArrayList<>(List.of("run", pipelines.resolve(pipeline).toString()));
        for (String a : args) cmd.add(a.replace(SHARED, shared.toString()));
        cmd.addAll(List.of("--json", "--db", db.toString()));
        return cmd;
    }

    static List<GoldenCase> load() {
        List<GoldenCase> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource("cases.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                String[] w = t.split("\\s+");
                cases.add(new GoldenCase(w[0], w[1], List.of(Arrays.copyOfRange(w, 2, w.length))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    /** The stored golden summary of this case, exactly as generate.sh wrote it. */
    String golden() {
        try (InputStream in = resource(name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = GoldenCase.class.getResourceAsStream("/golden/" + file);
        if (in == null) throw new IllegalStateException("test resource golden/" + file + " is missing");
        return in;
    }
}
