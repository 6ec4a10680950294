package dev.servelab.app.runs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.servelab.app.data.RunData;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.live.LiveTiny;
import dev.servelab.app.run.ExecutionMode;
import dev.servelab.app.run.PipelineRunner;
import dev.servelab.app.sla.SlaViewModel;
import dev.servelab.engine.metrics.MetricKey;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.engine.run.RunOutcome;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.hw.jvm.LiveSpread;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sim vs live view's live band on real JavaFX nodes, over real stored runs of a live pipeline: an older
 * live run and its simulation, then three live runs and a simulation (what {@code compare-modes --repeat 3}
 * stores). The band spans the three newer live runs only; bars and the simulated diamond sit where the
 * live runs' own values put them.
 */
@ExtendWith(ApplicationExtension.class)
class LiveBandChartTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    @TempDir
    static Path dir;
    static RunReader reader;
    static List<dev.servelab.engine.store.RunInfo> infos;
    static long[] lives = new long[4];
    static long sim;
    private RunsViewModel vm;
    private RunsView view;

    @BeforeAll
    static void storeRuns() throws Exception {
        ObjectNode tree = LiveTiny.tree(dir);
        Path db = dir.resolve("runs.db");
        lives[0] = run(tree, db, ExecutionMode.LIVE_JVM);
        run(tree, db, ExecutionMode.SIMULATION);
        for (int i = 1; i < 4; i++) lives[i] = run(tree, db, ExecutionMode.LIVE_JVM);
        sim = run(tree, db, ExecutionMode.SIMULATION);
        reader = new RunReader(db);
        infos = reader.runs();
    }

    private static long run(ObjectNode tree, Path db, ExecutionMode mode) throws Exception {
        RunOutcome o = PipelineRunner.start(tree, "tiny-live", dir, db, REGISTRY, mode, mode == ExecutionMode.SIMULATION ? 1 : 4)
                .outcome().get(120, TimeUnit.SECONDS);
        assertEquals(RunStatus.COMPLETED, o.status(), o.error());
        return o.runId();
    }

    @Start
    void start(Stage stage) {
        vm = new RunsViewModel();
        vm.setRuns(infos);
        view = new RunsView(vm, id -> { }, ids -> null, ids -> null, () -> { });
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    @Test
    void theBandSpansTheRepeatGroupWithTheSimulationMarked(FxRobot robot) throws Exception {
        assertEquals(List.of(lives[3], sim), vm.simLivePair().orElseThrow(), "newest live run and its simulation");
        assertEquals(List.of(lives[3], lives[2], lives[1]), vm.liveGroup(lives[3], sim).stream().map(RunRow::id).toList(),
                "the older live run before the previous simulation is not in the group");
        RunData live = reader.load(lives[3]);
        RunData simulated = reader.load(sim);
        SlaViewModel.Prepared charts = SlaViewModel.prepare(List.of(live, simulated));
        robot.interact(() -> vm.compareModes(live, simulated, charts));

        assertEquals(MetricKey.SIM_VS_LIVE.size(), vm.liveSpreads().size());
        TabPane tabs = findTabs(view);
        assertEquals("Live band", tabs.getSelectionModel().getSelectedItem().getText(), "sim vs live over several live runs opens the band");
        double half = LiveBandChart.halfRangePct(vm.liveSpreads());
        int insideCount = 0;
        for (LiveSpread s : vm.liveSpreads()) {
            double[] values = vm.liveGroup(lives[3], sim).stream().mapToDouble(r -> r.summary().values().get(s.metric())).toArray();
            double mean = Arrays.stream(values).average().orElseThrow();
            assertEquals(3, s.runs(), s.metric());
            assertEquals(mean, s.liveMean(), 1e-9 * Math.abs(mean), s.metric());
            assertEquals(Arrays.stream(values).min().orElseThrow(), s.liveMin(), 0, s.metric());
            assertEquals(Arrays.stream(values).max().orElseThrow(), s.liveMax(), 0, s.metric());
            assertEquals(simulated.summary().get(s.metric()), s.sim(), 0, s.metric());

            Pane row = robot.lookup("#band-" + s.metric()).queryAs(Pane.class);
            Rectangle range = (Rectangle) row.lookup("#range");
            Rectangle interval = (Rectangle) row.lookup("#interval");
            Line meanLine = (Line) row.lookup("#mean");
            Polygon diamond = (Polygon) row.lookup("#sim");
            double pctMin = 100 * (s.liveMin() - mean) / mean;
            double pctMax = 100 * (s.liveMax() - mean) / mean;
            assertEquals(LiveBandChart.x(pctMin, half), range.getX(), 1e-6, s.metric());
            assertEquals(Math.max(1, LiveBandChart.x(pctMax, half) - LiveBandChart.x(pctMin, half)), range.getWidth(), 1e-6, s.metric());
            assertEquals(LiveBandChart.x(100 * (s.low95() - mean) / mean, half), interval.getX(), 1e-6, s.metric());
            assertTrue(interval.getX() <= range.getX() + 1e-6 || s.low95() > s.liveMin(), s.metric());
            assertEquals(LiveBandChart.BAR_WIDTH / 2, meanLine.getStartX(), 1e-9, "the live mean is the axis centre");
            double cx = diamond.getPoints().get(0);
            assertEquals(LiveBandChart.x(100 * (s.sim() - mean) / mean, half), cx, 1e-6, s.metric());
            assertTrue(cx >= 0 && cx <= LiveBandChart.BAR_WIDTH, "the axis holds the diamond: " + s.metric());
            assertEquals(s.inside() ? LiveBandChart.INSIDE : LiveBandChart.OUTSIDE, diamond.getFill(), s.metric());
            if (s.inside()) insideCount++;
            assertTrue(robot.lookup("#band-text-" + s.metric()).queryLabeled().getText()
                    .endsWith(s.inside() ? " · inside" : " · outside"), s.metric());
        }
        assertTrue(robot.lookup("#live-band-title").queryLabeled().getText().startsWith("Live band over 3 live runs"));
        Path shot = Path.of("target/live-band.png");
        robot.interact(() -> {
            try {
                dev.servelab.app.export.Png.write(view, shot);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.err.println("live band: " + insideCount + " of " + vm.liveSpreads().size() + " metrics inside; snapshot " + shot.toAbsolutePath());

        robot.interact(() -> vm.compare(List.of(live, simulated)));
        assertTrue(vm.liveSpreads().isEmpty(), "a plain comparison has no band");
        assertNull(robot.lookup("#band-mean_ttft_ms").tryQuery().orElse(null));
    }

    private static TabPane findTabs(RunsView v) {
        return (TabPane) v.lookupAll(".tab-pane").stream().filter(n -> ((TabPane) n).getTabs().stream()
                .anyMatch(t -> "Live band".equals(t.getText()))).findFirst().orElseThrow();
    }
}
