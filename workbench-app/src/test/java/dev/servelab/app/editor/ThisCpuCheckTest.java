package dev.servelab.app.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.servelab.app.TestRuns;
import dev.servelab.engine.plugin.PluginRegistry;
import dev.servelab.hw.perf.hardware.HardwareCatalog;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Choosing {@code this-cpu} in the workbench's editor (slow checks in the background, as the workbench sets
 * them up) does not run its ~1 s CPU micro-benchmark on the JavaFX thread: the check shows a "measuring" note
 * (not an error: Run stays allowed), measures on a background thread and then checks the pipeline again, on
 * the JavaFX thread.
 */
@ExtendWith(ApplicationExtension.class)
class ThisCpuCheckTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void thisCpuIsMeasuredOffTheJavaFxThreadAndThenChecked() throws Exception {
        assumeFalse(HardwareCatalog.thisCpuMeasured(), "this JVM measured this-cpu before this test ran");
        EditorViewModel vm = new EditorViewModel(new SettingsCatalog(PluginRegistry.load()));
        vm.runSlowChecksOn(r -> Thread.ofVirtual().start(r), javafx.application.Platform::runLater);
        ObjectNode tree = TestRuns.quickstart();
        ((ObjectNode) tree.withArray("pools").get(0)).set("hardware", TextNode.valueOf(HardwareCatalog.THIS_CPU));
        List<Problem> first = WaitForAsyncUtils.asyncFx(() -> {
            vm.load(tree, null);
            return List.copyOf(vm.problems());
        }).get(10, TimeUnit.SECONDS);
        assertEquals(1, first.size(), () -> "problems: " + first);
        assertTrue(first.getFirst().message().startsWith("Measuring this machine's CPU for hardware 'this-cpu'"),
                first.getFirst().message());
        assertFalse(first.getFirst().error(), "a note, not an error: Run stays allowed");
        assertEquals(NodeKind.POOL, first.getFirst().node().kind);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> HardwareCatalog.thisCpuMeasured()
                && WaitForAsyncUtils.asyncFx(() -> vm.problems().stream().noneMatch(p -> p.message().startsWith("Measuring")))
                        .get(10, TimeUnit.SECONDS));
        List<Problem> after = WaitForAsyncUtils.asyncFx(() -> List.copyOf(vm.problems())).get(10, TimeUnit.SECONDS);
        assertTrue(after.stream().noneMatch(p -> p.message().contains("unknown hardware")), () -> "problems: " + after);
    }
}
