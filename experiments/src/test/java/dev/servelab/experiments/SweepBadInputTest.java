package dev.servelab.experiments;

import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.store.ExperimentStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad sweep input: one line naming the sweep file and the field, exit status 2, and nothing stored
 * (no experiment, no run).
 */
class SweepBadInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown dotted path | 'pools.0.hardwre: [h100-sxm]'                    | vary.pools.0.hardwre",
        "value out of range  | 'pools.0.replicas: [1, 0]'                      | vary.pools.0.replicas",
        "unknown plugin id   | 'router: [route.round-robin, route.nope]'       | vary.router",
        "unknown hardware    | 'pools.0.hardware: [h100-sxm, h900]'            | vary.pools.0.hardware",
        "empty axis          | 'pools.0.replicas: []'                          | vary.pools.0.replicas",
        "empty range         | 'pools.0.replicas: {range: [4, 1]}'             | vary.pools.0.replicas.range",
    })
    void badAxisIsOneLineNamingFileAndFieldAndStoresNothing(String what, String axis, String field) throws Exception {
        check(sweep("vary:\n  " + axis + "\nconstraints: {p99_ttft_ms: 500}\n"), field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown metric in constraints | 'constraints: {p99_ttfb_ms: 500}'          | constraints.p99_ttfb_ms",
        "attainment out of range       | 'constraints: {slo_attainment: 1.5}'       | constraints.slo_attainment",
        "unknown objective metric      | 'objective: {minimize: dollars}'           | objective.minimize",
        "unknown top-level field       | 'vary_: {}'                                | vary_",
        "bad capacity goal             | 'capacity: {find: max-qps}'                | capacity.find",
    })
    void badFieldIsOneLineNamingFileAndFieldAndStoresNothing(String what, String line, String field) throws Exception {
        check(sweep("vary:\n  pools.0.replicas: [1]\n" + line + "\n"), field);
    }

    private Path sweep(String body) throws Exception {
        Files.copy(Cli.resource("sweeps/small-base.yaml"), dir.resolve("small-base.yaml"));
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: bad\nbase: small-base.yaml\n" + body);
        return f;
    }

    private void check(Path sweep, String field) {
        Path db = dir.resolve("runs.db");
        Cli r = Cli.run("sweep", "run", sweep.toString(), "--db", db.toString(), "--json");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: " + sweep + ": " + field + ":"), err);
        if (Files.exists(db)) {
            try (RunStore runs = RunStore.open(db); ExperimentStore xs = ExperimentStore.open(runs)) {
                assertEquals(0, xs.list().size());
                assertEquals(0, runs.listRuns().size());
            }
        }
    }
}
