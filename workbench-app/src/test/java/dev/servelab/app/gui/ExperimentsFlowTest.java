package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import dev.servelab.app.experiments.AxisDraft;
import dev.servelab.app.experiments.AxisHeatMap;
import dev.servelab.app.experiments.ExperimentsView;
import dev.servelab.app.experiments.ExperimentsViewModel;
import dev.servelab.app.experiments.PointRow;
import dev.servelab.engine.store.RunStatus;
import dev.servelab.engine.store.RunStore;
import dev.servelab.experiments.store.ExperimentStatus;
import dev.servelab.experiments.store.ExperimentStore;
import dev.servelab.experiments.store.StoredPoint;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Experiments tab as a researcher drives it, headless over real JavaFX nodes: "Vary" on two rows of
 * the property sheet adds two axes, Run fills the table as points are stored in a real SQLite file, the
 * heat map has a cell per value pair, clicking a Pareto dot opens the point's run in the SLA view,
 * Cancel leaves the finished points stored with the experiment cancelled, and a stored experiment opens
 * from the list.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsFlowTest {
    @TempDir
    Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1500, 1000);
        assertTrue(window.files().load(Examples.quickstart()));
    }

    @Test
    void varyFromThePropertySheetRunAndOpenAPoint(FxRobot robot) throws Exception {
        ExperimentsViewModel vm = window.experimentsModel();
        vary(robot, NodeKind.POOL, "replicas", "Vary pools.0.replicas in the experiment");
        vary(robot, NodeKind.ROUTER, "plugin", "Vary router in the experiment");
        List<AxisDraft> axes = vm.draft().axes();
        assertEquals(List.of("pools.0.replicas", "router"), axes.stream().map(AxisDraft::path).toList());
        assertEquals("2, 4, 8", axes.getFirst().values(), "half, same and double the pool's 4 replicas");
        assertEquals(2, axes.get(1).size());
        assertEquals("route.least-outstanding, route.round-robin", axes.get(1).values(), "the current router and the default");

        robot.interact(() -> {
            vm.draft().requests().set(120);
            window.showView("experiments");
        });
        ExperimentsView view = window.experiments();
        robot.interact(() -> vm.draft().axes().set(0, new AxisDraft("pools.0.replicas", "1, 2")));
        robot.clickOn(view.runButton());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !vm.running().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.progressText().get().startsWith("Completed"), vm.progressText().get());
        List<PointRow> rows = List.copyOf(view.table().getItems());
        assertEquals(4, rows.size());
        long experimentId = vm.shown().get();
        javafx.scene.control.ComboBox<?> shownChoice = robot.lookup("#experiment-choice").queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(shownChoice.getValue() instanceof dev.servelab.experiments.store.ExperimentInfo info
                && info.experimentId() == experimentId, "the drop-down names the experiment just run: " + shownChoice.getValue());
        try (RunStore runs = RunStore.open(dir.resolve("runs.db")); ExperimentStore xs = ExperimentStore.open(runs)) {
            List<StoredPoint> stored = xs.points(experimentId);
            assertEquals(4, stored.size());
            for (StoredPoint p : stored) {
                assertEquals("completed", p.status().dbValue(), p.toString());
                assertEquals(RunStatus.COMPLETED, runs.run(p.runId()).orElseThrow().status());
                assertEquals(120, new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.metricsJson()).get("completed").asInt());
            }
            assertEquals(ExperimentStatus.COMPLETED, xs.experiment(experimentId).orElseThrow().status());
            assertEquals(stored.stream().map(StoredPoint::runId).collect(Collectors.toSet()),
                    rows.stream().map(PointRow::runId).collect(Collectors.toSet()));
        }

        robot.interact(() -> view.heatChoices().get(2).setValue("cost_per_hour_usd"));
        List<AxisHeatMap.Cell> cells = view.heatMap().cells();
        assertEquals(4, cells.size());
        assertEquals(Set.of("1", "2"), cells.stream().map(AxisHeatMap.Cell::x).collect(Collectors.toSet()));
        assertEquals(2, cells.stream().map(AxisHeatMap.Cell::y).distinct().count());
        for (AxisHeatMap.Cell c : cells) {
            PointRow r = rows.stream().filter(p -> p.values().get("pools.0.replicas").equals(c.x()) && p.values().get("router").equals(c.y()))
                    .findFirst().orElseThrow();
            assertEquals(r.metric("cost_per_hour_usd"), c.value(), 1e-9, c.toString());
        }

        for (PointRow r : rows) assertNotNull(view.chart().dot(r.pointId()), "every completed point is a dot on the Pareto chart");
        // one replica makes both routers the same run, and light load may too: such dots coincide, and the click opens the top one
        PointRow target = rows.getLast();
        Set<Long> underTheClick = rows.stream().filter(r -> distance(view, r, target) < 4).map(PointRow::runId).collect(Collectors.toSet());
        Node dot = view.chart().dot(target.pointId());
        CompletableFuture<RunData> shown = window.running().expectShownRun();
        robot.clickOn(dot);
        RunData d = shown.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(underTheClick.contains(d.info().runId()), d.info().runId() + " not among " + underTheClick);
        assertEquals("SLA", window.tabs().getSelectionModel().getSelectedItem().getText(), "the SLA view is selected");
    }

    @Test
    void cancelKeepsTheFinishedPointsAndMarksTheExperimentCancelled(FxRobot robot) throws Exception {
        ExperimentsViewModel vm = window.experimentsModel();
        robot.interact(() -> {
            vm.draft().addAxis(new AxisDraft("pools.0.max_num_seqs", "16..40 step 2"));
            vm.draft().requests().set(4000);
            window.showView("experiments");
        });
        ExperimentsView view = window.experiments();
        robot.clickOn(view.runButton());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.table().getItems().size() >= 1);
        robot.clickOn(view.cancelButton());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.running().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.progressText().get().startsWith("Cancelled"), vm.progressText().get());
        try (RunStore runs = RunStore.open(dir.resolve("runs.db")); ExperimentStore xs = ExperimentStore.open(runs)) {
            long id = vm.shown().get();
            assertEquals(ExperimentStatus.CANCELLED, xs.experiment(id).orElseThrow().status());
            List<StoredPoint> stored = xs.points(id);
            assertTrue(!stored.isEmpty() && stored.size() < 13, "stored " + stored.size() + " of 13");
            for (StoredPoint p : stored) assertEquals("completed", p.status().dbValue());
            assertEquals(stored.size(), view.table().getItems().size());
        }
    }

    @Test
    void aStoredExperimentOpensFromTheList(FxRobot robot) throws Exception {
        Path db = dir.resolve("runs.db");
        java.util.List<dev.servelab.experiments.run.SweepOutcome> outs = new java.util.ArrayList<>();
        for (String s : List.of("name: from-the-cli\nvary:\n  workload.requests: [100]\n  pools.0.replicas: [1, 2, 3]\n",
                "name: newer\nvary:\n  workload.requests: [100]\n  pools.0.max_num_seqs: [32, 64]\n")) {
            Path sweep = dir.resolve("sweep" + outs.size() + ".yaml");
            java.nio.file.Files.writeString(sweep, s + "base: " + Examples.quickstart() + "\n");
            outs.add(dev.servelab.experiments.run.SweepRunner.run(dev.servelab.experiments.sweep.SweepReader.read(sweep,
                    dev.servelab.engine.plugin.PluginRegistry.load()), new dev.servelab.experiments.engines.LocalEngine(),
                    new dev.servelab.experiments.engines.SweepEngine.Options(db, 2, null, new dev.servelab.experiments.point.CancelToken()), null));
        }
        robot.interact(() -> window.showView("experiments"));
        ExperimentsView view = window.experiments();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.table().getItems().size() == 2);
        javafx.scene.control.ComboBox<?> choice = robot.lookup("#experiment-choice").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(2, choice.getItems().size(), "both stored experiments are listed");
        robot.clickOn(choice);
        String item = "#" + outs.getFirst().experimentId() + "  from-the-cli  (completed, 3 points)";
        robot.clickOn(robot.lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> c && item.equals(c.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.table().getItems().size() == 3);
        assertEquals(outs.getFirst().points().stream().map(StoredPoint::runId).collect(Collectors.toSet()),
                view.table().getItems().stream().map(PointRow::runId).collect(Collectors.toSet()));
    }

    /** Screen distance between two points' dots. */
    private static double distance(ExperimentsView view, PointRow r, PointRow o) {
        Node x = view.chart().dot(r.pointId());
        Node y = view.chart().dot(o.pointId());
        javafx.geometry.Bounds a = x.localToScreen(x.getBoundsInLocal());
        javafx.geometry.Bounds b = y.localToScreen(y.getBoundsInLocal());
        return Math.hypot(a.getCenterX() - b.getCenterX(), a.getCenterY() - b.getCenterY());
    }

    /** Selects the first node of {@code kind}, right-clicks the row's editor and picks the menu entry. */
    private void vary(FxRobot robot, NodeKind kind, String row, String entry) {
        GraphNode n = window.workbench().editor().graph().nodes.stream().filter(x -> x.kind == kind).findFirst().orElseThrow();
        robot.interact(() -> window.workbench().editor().selection().setAll(n));
        WaitForAsyncUtils.waitForFxEvents();
        Node editor = window.editor().properties().editor(row);
        assertNotNull(editor, row);
        robot.rightClickOn(editor);
        javafx.scene.control.ContextMenu menu = ((javafx.scene.control.Control) editor).getContextMenu();
        assertNotNull(menu, "the row has a context menu");
        // Monocle may not turn a secondary click into a context-menu request: then open it as the request would
        if (!menu.isShowing()) robot.interact(() -> menu.show(editor, javafx.geometry.Side.BOTTOM, 0, 0));
        robot.clickOn(entry);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
