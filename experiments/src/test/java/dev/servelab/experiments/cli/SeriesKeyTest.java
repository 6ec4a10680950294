package dev.servelab.experiments.cli;

import dev.servelab.engine.ServeLabException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Series labels reach inside varied objects: {@code workload.output.mean} inside a varied {@code workload}. */
class SeriesKeyTest {
    private static final String PARAMS = "{\"pools.0\":{\"name\":\"b200-tp1\",\"hardware\":\"b200\"},"
            + "\"workload\":{\"concurrency\":8,\"input\":{\"mean\":1024},\"output\":{\"mean\":8192}},\"seed\":1}";

    @Test
    void pathsNameParametersOrFieldsInsideThem() {
        assertEquals("b200 1024 8192", SeriesKey.of(PARAMS, List.of("pools.0.hardware", "workload.input.mean", "workload.output.mean")));
        assertEquals("1", SeriesKey.of(PARAMS, List.of("seed")));
        assertEquals("{\"mean\":8192}", SeriesKey.of(PARAMS, List.of("workload.output")));
        ServeLabException e = assertThrows(ServeLabException.class, () -> SeriesKey.of(PARAMS, List.of("workload.output.median")));
        assertEquals("--series workload.output.median: no varied parameter has this path (parameters: pools.0, workload, seed)",
                e.getMessage());
    }
}
