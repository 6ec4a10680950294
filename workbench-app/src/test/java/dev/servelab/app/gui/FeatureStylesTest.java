package dev.servelab.app.gui;

import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each feature brings its stylesheet: the shell's sheet is on the scene, the editor's, the run bar's and the
 * charts' on their own views, and their rules reach the nodes (the editor canvas, the run bar, a chart's padding).
 */
@ExtendWith(ApplicationExtension.class)
class FeatureStylesTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1400, 900);
        window.files().loadDefault();
    }

    @Test
    void featureSheetsAreLoadedBesideTheirViews(FxRobot robot) {
        assertTrue(window.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("/dev/servelab/app/gui/shell.css")));
        assertTrue(window.editor().getStylesheets().stream().anyMatch(s -> s.endsWith("/dev/servelab/app/editor/editor.css")));
        assertTrue(window.runBar().getStylesheets().stream().anyMatch(s -> s.endsWith("/dev/servelab/app/run/run.css")));
        robot.interact(() -> window.showView("sla"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.sla().ttft().getStylesheets().stream().anyMatch(s -> s.endsWith("/dev/servelab/app/sla/sla.css")));
        assertEquals(4, window.sla().ttft().getPadding().getTop(), ".sl-chart { -fx-padding: 4 }");
        Region bar = window.runBar();
        assertNotNull(bar.getBackground(), ".run-bar has a background");
        assertEquals(1, bar.getBorder().getStrokes().getFirst().getWidths().getTop(), ".run-bar's top border");
        Node canvas = robot.lookup(".graph-canvas").query();
        assertTrue(((Region) canvas).getBackground().getFills().getFirst().getFill() instanceof Color c && c.getOpacity() > 0,
                ".graph-canvas is filled");
        Region toolbar = robot.lookup(".main-toolbar").queryAs(Region.class);
        assertEquals(8, toolbar.getPadding().getLeft(), ".main-toolbar { -fx-padding: 4 8 4 8 }");
    }
}
