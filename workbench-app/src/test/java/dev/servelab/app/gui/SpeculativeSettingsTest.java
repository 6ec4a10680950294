package dev.servelab.app.gui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import javafx.scene.control.ComboBox;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pool's speculative decoding in the real property sheet: the speculative example opens with its method
 * in a drop-down of the four methods, k and the acceptance rate in their rows; choosing draft-model and
 * typing k and a draft model change the pipeline the editor writes, and the acceptance survives.
 */
@ExtendWith(ApplicationExtension.class)
class SpeculativeSettingsTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1560, 1000);
    }

    @Test
    void speculativeRowsShowAndEditThePoolsSetting(FxRobot robot) throws Exception {
        Path file = Path.of("..", "sample-traces", "pipelines", "speculative-decoding.yaml");
        ObjectNode tree = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        var vm = window.workbench().editor();
        robot.interact(() -> vm.load(tree, file));
        GraphNode pool = vm.graph().nodes.stream().filter(n -> n.kind == NodeKind.POOL).findFirst().orElseThrow();
        robot.interact(() -> vm.selection().setAll(pool));
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<?> method = assertInstanceOf(ComboBox.class, window.editor().properties().editor("speculative.method"));
        assertEquals("eagle", method.getValue());
        assertEquals(List.of("draft-model", "eagle", "ngram", "mtp"), List.copyOf(method.getItems()));
        TextField rate = assertInstanceOf(TextField.class, window.editor().properties().editor("speculative.acceptance.rate"));
        assertEquals("0.7", rate.getText());

        @SuppressWarnings("unchecked")
        ComboBox<String> m = (ComboBox<String>) method;
        robot.interact(() -> m.setValue("draft-model"));
        type(robot, "speculative.num_speculative_tokens", "5");
        type(robot, "speculative.draft_model", "llama-3.2-1b");

        var spec = vm.tree().get("pools").get(0).get("speculative");
        assertEquals("draft-model", spec.get("method").asText());
        assertEquals(5, spec.get("num_speculative_tokens").asInt());
        assertEquals("llama-3.2-1b", spec.get("draft_model").asText());
        assertEquals(0.7, spec.get("acceptance").get("rate").asDouble());
        robot.interact(vm::validate);
        assertTrue(vm.problemsOf(pool).isEmpty(), "the edited pool is valid: " + vm.problemsOf(pool));
    }

    private void type(FxRobot robot, String row, String text) {
        TextField f = assertInstanceOf(TextField.class, window.editor().properties().editor(row));
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, ((TextField) window.editor().properties().editor(row)).getText());
    }
}
