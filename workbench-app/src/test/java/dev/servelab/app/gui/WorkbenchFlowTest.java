package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import dev.servelab.app.editor.NodeView;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workbench as a user drives it, headless: build a pipeline by dragging nodes from the palette and
 * wiring their ports, edit a property in the sheet, undo it, run, and check the result views.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchFlowTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1560, 1160);
        window.workbench().editor().newPipeline();
    }

    @Test
    void buildEditUndoRunAndInspect(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#palette-workload-shared-prefix").tryQuery().isPresent(), "third-party plugin in the palette");
        GraphNode w = drop(robot, "workload-poisson", 60, 60);
        GraphNode a = drop(robot, "admission-accept-all", 300, 60);
        GraphNode r = drop(robot, "route-round-robin", 540, 60);
        GraphNode pool = drop(robot, "pool", 540, 260);
        GraphNode s = drop(robot, "batch-continuous", 300, 230);
        GraphNode e = drop(robot, "kv-lru", 300, 330);
        GraphNode x = drop(robot, "exec-roofline", 300, 430);
        GraphNode sink = drop(robot, "sink", 780, 260);
        assertEquals(8, window.workbench().editor().graph().nodes.size());
        assertEquals(NodeKind.POOL, pool.kind);

        wire(robot, w, "requests", a, "in");
        wire(robot, a, "admitted", r, "in");
        wire(robot, r, "replicas", pool, "in");
        wire(robot, s, "out", pool, "scheduler");
        wire(robot, e, "out", pool, "kv eviction");
        wire(robot, x, "out", pool, "executor");
        wire(robot, pool, "done", sink, "in");
        wire(robot, s, "out", a, "in");
        assertEquals(7, window.workbench().editor().graph().wires.size(), () -> "the scheduler → admission wire is refused: " + window.workbench().editor().graph().wires.stream().map(ww -> ww.from().title() + "." + ww.fromPort() + "->" + ww.to().title() + "." + ww.toPort()).toList() + " nodes " + window.workbench().editor().graph().nodes.stream().map(n -> n.title() + "@" + n.x.get() + "," + n.y.get()).toList());
        assertFalse(window.workbench().editor().hasErrors(), () -> window.workbench().editor().problems().toString());

        robot.clickOn(window.editor().canvas().view(w));
        TextField requests = field(robot, "1000");
        robot.clickOn(requests).push(KeyCode.CONTROL, KeyCode.A).write("-5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-5, w.settings.get("requests").asInt());
        assertTrue(window.workbench().editor().problemsOf(w).stream().anyMatch(p -> p.error()), "invalid value flagged");
        assertTrue(window.editor().canvas().view(w).getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("invalid")));
        assertTrue(window.editor().problems().getItems().stream().anyMatch(p -> p.node() == w));

        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.running().isRunning(), "a pipeline with problems does not run");
        javafx.scene.control.DialogPane alert = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(alert.getContentText().contains("requests"), alert.getContentText());
        robot.clickOn((Node) alert.lookupButton(javafx.scene.control.ButtonType.OK));
        // an empty corner of the canvas (its centre may hold a node card, whose sheet would then take the keys)
        robot.clickOn(robot.point(window.editor().canvas()).atPosition(javafx.geometry.Pos.TOP_LEFT)
                .atOffset(new javafx.geometry.Point2D(12, 12)), javafx.scene.input.MouseButton.PRIMARY);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(w.settings.containsKey("requests"), "undo restored the default");
        assertFalse(window.workbench().editor().hasErrors());

        robot.clickOn(window.editor().canvas().view(w));
        robot.clickOn(field(robot, "1000")).push(KeyCode.CONTROL, KeyCode.A).write("240").type(KeyCode.ENTER);
        robot.clickOn(field(robot, "5.0")).push(KeyCode.CONTROL, KeyCode.A).write("30").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(240, w.settings.get("requests").asInt());

        java.util.concurrent.CompletableFuture<RunData> next = window.running().expectShownRun();
        robot.clickOn("#run-button");
        RunData d = next.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(240, d.requests().size());
        assertEquals("completed", window.workbench().runs().runs().getFirst().status());

        robot.interact(() -> window.showView("sla"));
        XYChart.Series<Number, Number> ttft = window.sla().ttft().getData().getFirst();
        double maxTtft = 0;
        for (int i = 0; i < d.requests().size(); i++) maxTtft = Math.max(maxTtft, d.requests().ttftMs(i));
        var last = ttft.getData().getLast();
        assertEquals(maxTtft, last.getXValue().doubleValue(), 1e-9);
        assertEquals(1.0, last.getYValue().doubleValue());
        assertEquals(240, window.workbench().timeline().rows());
        assertNotNull(window.workbench().cache().bucketsProperty().get());
        robot.interact(() -> window.showView("runs"));
        assertEquals(1, window.runs().table().getItems().size());
        robot.interact(() -> window.showView("timeline"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.timeline().canvas().paint());
        assertTrue(window.timeline().canvas().lastPaintNanos() > 0);

        assertTrue(window.workbench().editor().dirtyProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        javafx.scene.control.DialogPane prompt = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(prompt.getHeaderText().contains("Save changes"));
        robot.clickOn((Node) prompt.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        assertEquals(8, window.workbench().editor().graph().nodes.size(), "cancel keeps the pipeline");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        prompt = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn((Node) prompt.getButtonTypes().stream().filter(b -> b.getText().equals("Discard"))
                .map(prompt::lookupButton).findFirst().orElseThrow());
        assertTrue(window.workbench().editor().graph().nodes.isEmpty(), "discard starts a new pipeline");
    }

    private GraphNode drop(FxRobot robot, String paletteId, double x, double y) {
        Node entry = robot.lookup("#palette-" + paletteId.replace(' ', '-')).query();
        robot.interact(() -> window.editor().palette().reveal(entry));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D target = window.editor().canvas().localToScreen(x, y);
        int before = window.workbench().editor().graph().nodes.size();
        robot.drag(entry).dropTo(target);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, window.workbench().editor().graph().nodes.size(), "dropped " + paletteId);
        return window.workbench().editor().graph().nodes.getLast();
    }

    private void wire(FxRobot robot, GraphNode from, String out, GraphNode to, String in) {
        NodeView a = window.editor().canvas().view(from), b = window.editor().canvas().view(to);
        robot.drag(a.connector(out)).dropTo(b.connector(in));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TextField field(FxRobot robot, String text) {
        return robot.lookup(".property-sheet .text-field").queryAllAs(TextField.class).stream()
                .filter(t -> text.equals(t.getText())).findFirst().orElseThrow(() -> new AssertionError("no field showing " + text));
    }
}
