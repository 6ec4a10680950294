package dev.servelab.plugins.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.engine.workload.TraceLines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a ServeGen model folder ({@code data/<category>/<model>/} of alibaba/ServeGen): the clients'
 * {@code chunk-<i>-trace.csv} (rate windows) paired with {@code chunk-<i>-dataset.json} (length PMFs).
 */
final class ServeGenData {
    private static final Pattern TRACE = Pattern.compile("chunk-(\\d+)-trace\\.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServeGenData() {
    }

    /** The client numbers present in {@code dir}, ascending. */
    static TreeSet<Integer> clientNumbers(Path dir) {
        TreeSet<Integer> out = new TreeSet<>();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                Matcher m = TRACE.matcher(f.getFileName().toString());
                if (m.matches()) out.add(Integer.parseInt(m.group(1)));
            });
        } catch (IOException e) {
            throw new ServeLabException(dir + ": cannot list the ServeGen folder: " + e.getMessage());
        }
        if (out.isEmpty()) throw new ServeLabException(dir + ": no chunk-<i>-trace.csv files (is this a ServeGen model folder?)");
        return out;
    }

    static ServeGenClient load(Path dir, int number) {
        return new ServeGenClient(number, windows(dir.resolve("chunk-" + number + "-trace.csv")),
                lengths(dir.resolve("chunk-" + number + "-dataset.json")));
    }

    static List<ServeGenWindow> windows(Path csv) {
        List<ServeGenWindow> out = new ArrayList<>();
        try (TraceLines lines = new TraceLines(csv)) {
            String line;
            while ((line = lines.next()) != null) {
                String[] f = line.split(",", -1);
                if (f.length != 6) throw lines.error("expected 6 comma-separated fields, found " + f.length);
                try {
                    out.add(new ServeGenWindow(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            f[3].strip(), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                } catch (NumberFormatException e) {
                    throw lines.error("not a number: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new ServeLabException(csv + ": cannot read: " + e.getMessage());
        }
        return out;
    }

    static TreeMap<Integer, Map<String, Pmf>> lengths(Path json) {
        TreeMap<Integer, Map<String, Pmf>> out = new TreeMap<>();
        try {
            JsonNode root = JSON.readTree(json.toFile());
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> window = it.next();
                Map<String, Pmf> pmfs = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> f = window.getValue().fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = f.next();
                    if (field.getKey().endsWith("_tokens")) pmfs.put(field.getKey(), Pmf.of(field.getValue().asText()));
                }
                out.put(Integer.parseInt(window.getKey()), pmfs);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ServeLabException(json + ": cannot read ServeGen lengths: " + e.getMessage());
        }
        if (out.isEmpty()) throw new ServeLabException(json + ": no length windows");
        return out;
    }
}
