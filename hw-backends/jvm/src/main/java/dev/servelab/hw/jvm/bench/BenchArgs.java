package dev.servelab.hw.jvm.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code key=value} arguments of {@link DecodeBenchmark}. */
record BenchArgs(List<String> sizes, List<String> types, int[] batches, int steps, int repeats, Path dir,
                 List<String> runners) {
    static BenchArgs parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value");
            }
            m.put(kv[0], kv[1]);
        }
        return new BenchArgs(
                List.of(m.getOrDefault("sizes", "tiny,100m").split(",")),
                List.of(m.getOrDefault("types", "f32,q8_0").split(",")),
                Arrays.stream(m.getOrDefault("batches", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray(),
                Integer.parseInt(m.getOrDefault("steps", "32")),
                Integer.parseInt(m.getOrDefault("repeats", "3")),
                Path.of(m.getOrDefault("dir", "target/bench-models")),
                List.of(m.getOrDefault("runners", "spinning").split(",")));
    }
}
