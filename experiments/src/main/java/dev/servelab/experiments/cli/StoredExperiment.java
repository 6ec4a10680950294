package dev.servelab.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.servelab.engine.ServeLabException;
import dev.servelab.experiments.store.ExperimentInfo;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
import dev.servelab.experiments.sweep.Objective;

import java.io.IOException;
import java.util.List;

/** An experiment read back from the store with its points and the objective its sweep named. */
record StoredExperiment(ExperimentInfo info, List<StoredPoint> points, Objective objective) {

    static StoredExperiment load(ExperimentStore xs, long id) {
        ExperimentInfo info = xs.experiment(id).orElseThrow(() -> new ServeLabException("experiment " + id + ": not in the run store"));
        return new StoredExperiment(info, xs.points(id), objective(info.sweepJson()));
    }

    private static Objective objective(String sweepJson) {
        try {
            JsonNode o = new ObjectMapper().readTree(sweepJson).get("objective");
            if (o == null || !o.isObject()) return null;
            if (o.has("minimize")) return new Objective(o.get("minimize").asText(), true);
            if (o.has("maximize")) return new Objective(o.get("maximize").asText(), false);
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
