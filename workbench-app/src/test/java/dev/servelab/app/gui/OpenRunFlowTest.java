package dev.servelab.app.gui;

import dev.servelab.app.TestRuns;
import dev.servelab.app.data.FxThreadGuard;
import dev.servelab.app.data.RunReader;
import dev.servelab.app.sla.HeadlineTable;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening a stored run in the real window: the store refuses to be read on the JavaFX thread, the run
 * opens from the Runs view into the SLA view, and its headline values are the stored summary's, one
 * Tab press after another.
 */
@ExtendWith(ApplicationExtension.class)
class OpenRunFlowTest {
    @TempDir
    static Path dir;
    static long runId;
    private MainWindow window;

    @BeforeAll
    static void storeARun() {
        runId = TestRuns.run(dir.resolve("runs.db"), "headline", "workload.requests=300");
    }

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1500, 1000);
    }

    @Test
    void storeAndModelEntryPointsRefuseTheJavaFxThread() throws Exception {
        RunReader reader = window.services().store();
        CompletableFuture<Throwable> onFx = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                reader.runs();
                onFx.complete(null);
            } catch (Throwable e) {
                onFx.complete(e);
            }
        });
        Throwable e = onFx.get(10, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, e);
        assertTrue(e.getMessage().contains("JavaFX application thread"), e.getMessage());
        CompletableFuture<Throwable> guard = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                FxThreadGuard.refuse("loading a model");
                guard.complete(null);
            } catch (Throwable t) {
                guard.complete(t);
            }
        });
        assertInstanceOf(IllegalStateException.class, guard.get(10, TimeUnit.SECONDS));
        assertEquals(1, reader.runs().size(), "off the JavaFX thread the same read works");
    }

    @Test
    void openingFromRunsShowsTheHeadlineTableReachableByKeyboard(FxRobot robot) throws Exception {
        window.running().refreshRuns().get(20, TimeUnit.SECONDS);
        robot.interact(() -> window.showView("runs"));
        var shown = window.running().expectShownRun();
        robot.interact(() -> window.running().openRun(runId));
        var data = shown.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.tabs().getSelectionModel().getSelectedIndex(), "opening a run switches to its SLA view");
        double p99 = data.summary().get("p99_ttft_ms");
        Label cell = robot.lookup("#headline-p99_ttft_ms").queryAs(Label.class);
        assertNotNull(cell);
        assertEquals(p99, Double.parseDouble(cell.getText()), p99 < 100 ? 0.005 : 0.05);
        assertTrue(cell.isFocusTraversable());
        HeadlineTable table = window.sla().headlineTable();
        robot.interact(() -> table.latency().lookup("#headline-mean_ttft_ms").requestFocus());
        for (int i = 0; i < 3; i++) robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("headline-p99_ttft_ms", window.getScene().getFocusOwner().getId(), "Tab walks the row: mean, p50, p90, p99");
        assertEquals(String.format(Locale.ROOT, "%.0f", data.summary().get("completed")),
                robot.lookup("#headline-completed").queryAs(Label.class).getText());
        assertTrue(window.workbench().sla().ttft().size() == 1, "the charts got the details");
    }

    @Test
    void budgetPanelShowsTheSelectedPoolsCatalogLine(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().loadDefault());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.budget().catalogLine().getText().contains(" blocks of "));
        String line = window.budget().catalogLine().getText();
        assertTrue(line.startsWith("llama-3.1-8b on h100-sxm (tp 1, pp 1): weights "), line);
        assertTrue(window.budget().sequences().getText().contains("sequences fit"), window.budget().sequences().getText());
    }
}
