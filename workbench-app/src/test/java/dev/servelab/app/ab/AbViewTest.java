package dev.servelab.app.ab;

import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.store.RunStore;
import dev.servelab.plugins.rollout.Gate;
import dev.servelab.safety.ab.AbComparison;
import dev.servelab.safety.ab.AbPlan;
import dev.servelab.safety.ab.ComparedMetric;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The A/B view over a real comparison stored by the safety module (real runs, real SQLite, real JavaFX nodes). */
@ExtendWith(ApplicationExtension.class)
class AbViewTest {
    @TempDir
    static Path dir;

    private static final String PIPELINE = """
            name: %s
            workload: {type: workload.poisson, rate_per_s: 60, requests: 120,
                       input: {dist: lognormal, mean: 300, cv: 0.8, min: 2, max: 2000},
                       output: {dist: lognormal, mean: 60, cv: 0.9, min: 2, max: 400}}
            router: route.random
            pools:
              - {name: gpu, replicas: 3, kv_cache: {capacity_blocks: 4000},
                 executor: {type: exec.constant, base_ms: 0, per_prefill_token_ms: 0.02, per_decode_token_ms: %s}}
            slo: {ttft_ms: 150, tpot_ms: 8}
            """;

    @Start
    void start(Stage stage) throws IOException {
        Path base = Files.writeString(dir.resolve("base.yaml"), PIPELINE.formatted("base", "0.25"));
        Path slow = Files.writeString(dir.resolve("slow.yaml"), PIPELINE.formatted("slow-decode", "0.30"));
        Path gate = Files.writeString(dir.resolve("gate.yaml"), "mean_tpot_ms: {max_worse_pct: 10}\n");
        Path db = dir.resolve("runs.db");
        try (RunStore store = RunStore.open(db)) {
            AbComparison.run(new AbPlan(base, slow, null, null, 8, 0, List.of()), Gate.read(gate, ComparedMetric.keys()),
                    PluginRegistry.load(), store, line -> { });
        }
        stage.setScene(new Scene(new AbView(new AbViewModel(db)), 1100, 900));
        stage.show();
    }

    @Test
    void showsTheStoredComparisonWithItsForestPlotGateAndRounds(FxRobot robot) {
        ListView<?> list = robot.lookup("#ab-comparisons").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        TableView<?> metrics = robot.lookup("#ab-metrics").queryAs(TableView.class);
        assertTrue(metrics.getItems().size() >= 25, "metrics: " + metrics.getItems().size());
        assertEquals(metrics.getItems().size(), robot.lookup(".forest-bar").queryAll().size());
        List<Line> worse = robot.lookup(".forest-worse").queryAllAs(Line.class).stream().toList();
        assertTrue(!worse.isEmpty(), "the 1.2x decode slowdown is worse on some metric");
        assertEquals(ForestPlot.WORSE, worse.getFirst().getStroke());
        assertTrue(worse.getFirst().getEndX() > worse.getFirst().getStartX());
        String gate = robot.lookup("#ab-gate").queryAs(Label.class).getText();
        assertTrue(gate.startsWith("Gate FAILED:") && gate.contains("mean_tpot_ms: worse by more than 10 %"), gate);
        assertEquals(8, robot.lookup("#ab-rounds").queryAs(TableView.class).getItems().size());
    }
}
