package dev.servelab.app.gui;

import dev.servelab.app.TestRuns;
import dev.servelab.app.data.RunData;
import dev.servelab.app.live.LiveTiny;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live execution from the run panel, headless: a simulated pipeline is refused live with the reason in
 * the problems list and status bar; a live pipeline runs live (accelerated), then in simulation, and
 * the Runs view sets the two against each other.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRunFlowTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1560, 1160);
        window.workbench().editor().load(TestRuns.quickstart(), null);
    }

    @Test
    void runLiveThenSimulatedAndCompare(FxRobot robot) throws Exception {
        robot.clickOn("#run-mode");
        robot.clickOn("Live — JVM");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("exec.jvm", window.workbench().editor().liveExecutorProperty().get());
        assertTrue(window.editor().problems().getItems().stream().anyMatch(p -> p.message()
                .equals("pools[0].executor: exec.roofline is simulated; pick a live executor (exec.jvm) or Simulation")),
                () -> window.editor().problems().getItems().toString());
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.running().isRunning(), "a simulated pipeline does not run live");
        assertTrue(window.workbench().run().statusProperty().get().startsWith("Not run: pools[0].executor: exec.roofline is simulated"), window.workbench().run().statusProperty().get());
        javafx.scene.control.DialogPane alert = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn((Node) alert.lookupButton(javafx.scene.control.ButtonType.OK));

        Path live = LiveTiny.write(dir);
        robot.interact(() -> window.workbench().editor().load(dev.servelab.engine.pipeline.PipelineLoader.readTree(live), live));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.workbench().editor().hasErrors(), () -> window.workbench().editor().problems().toString());
        window.workbench().run().speedProperty().set(4);
        RunData l = run(robot);
        assertEquals("live", l.info().mode());
        assertEquals(10, l.requests().size());

        robot.clickOn("#run-mode");
        robot.clickOn("Simulation");
        RunData s = run(robot);
        assertEquals("sim", s.info().mode());

        robot.interact(() -> window.showView("runs"));
        assertEquals(List.of("sim", "live"), window.runs().table().getItems().stream().map(r -> r.mode()).toList());
        robot.clickOn("#sim-vs-live");
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 50 && window.runs().deltaTable().getColumns().size() < 4; i++) {
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(List.of("metric", "live #" + l.info().runId(), "sim #" + s.info().runId(), "error %"),
                window.runs().deltaTable().getColumns().stream().map(TableColumn::getText).toList());
        assertEquals(9, window.runs().deltaTable().getItems().size());
        assertEquals(2, window.runs().ttft().getData().size());
    }

    private RunData run(FxRobot robot) throws Exception {
        java.util.concurrent.CompletableFuture<RunData> next = window.running().expectShownRun();
        robot.clickOn("#run-button");
        RunData d = next.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return d;
    }
}
