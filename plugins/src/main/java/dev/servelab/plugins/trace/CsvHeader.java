package dev.servelab.plugins.trace;

import dev.servelab.engine.workload.TraceLines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header line of a CSV trace: column names (trimmed, a UTF-8 byte-order mark dropped) mapped to
 * their positions, so readers find columns by name whatever their order.
 */
record CsvHeader(Map<String, Integer> columns) {

    static CsvHeader parse(String line) {
        String clean = line.startsWith("\uFEFF") ? line.substring(1) : line;
        Map<String, Integer> cols = new LinkedHashMap<>();
        String[] names = clean.split(",", -1);
        for (int i = 0; i < names.length; i++) cols.putIfAbsent(names[i].trim().toLowerCase(), i);
        return new CsvHeader(cols);
    }

    boolean hasAll(List<String> names) {
        return names.stream().allMatch(n -> columns.containsKey(n.toLowerCase()));
    }

    int width() {
        return columns.size();
    }

    /** The position of a column that must be there, else an error naming file and line. */
    int require(String name, TraceLines lines) {
        Integer i = columns.get(name.toLowerCase());
        if (i == null) throw lines.error("missing column '" + name + "' (columns: " + String.join(",", columns.keySet()) + ")");
        return i;
    }

    /** The position of an optional column, or -1. */
    int find(String name) {
        return columns.getOrDefault(name.toLowerCase(), -1);
    }
}
