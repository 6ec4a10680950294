package dev.servelab.app.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.store.RunInfo;

import java.io.IOException;

/**
 * What one row of the {@code runs} table says about a run — its summary, SLOs and configuration —
 * read in milliseconds whatever the run's size, so the headline numbers show at once while the
 * detail tables ({@link RunData}) load.
 */
public record RunHead(RunInfo info, Summary summary, Slo slo, RunConfig config) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static RunHead of(RunInfo info) {
        return new RunHead(info, Summary.parse(info.summaryJson()), slo(info), RunConfig.of(info.pipelineJson()));
    }

    private static Slo slo(RunInfo info) {
        try {
            return info.pipelineJson() == null ? Slo.NONE : Slo.of(JSON.readTree(info.pipelineJson()));
        } catch (IOException e) {
            return Slo.NONE;
        }
    }
}
