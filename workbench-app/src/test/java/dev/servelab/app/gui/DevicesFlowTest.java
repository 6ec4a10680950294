package dev.servelab.app.gui;

import dev.servelab.app.devices.DeviceRow;
import dev.servelab.hw.agent.AgentConfig;
import dev.servelab.hw.agent.EdgeAgentServer;
import dev.servelab.hw.jvm.gguf.GgmlType;
import dev.servelab.hw.jvm.tiny.TinyModelGenerator;
import dev.servelab.hw.jvm.tiny.TinyModelSize;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Devices tab, headless, against a real agent on loopback: Add device… refuses a key typed where
 * the variable's name belongs, registers the agent, and Probe measures it in the background and fills
 * in its row.
 */
@ExtendWith(ApplicationExtension.class)
class DevicesFlowTest {
    @TempDir
    static Path dir;
    private static EdgeAgentServer agent;
    private MainWindow window;

    @BeforeAll
    static void agent() throws Exception {
        Path model = dir.resolve("tiny.gguf");
        TinyModelGenerator.generate(model, 42, TinyModelSize.TINY, GgmlType.F32);
        agent = EdgeAgentServer.start(AgentConfig.loopback(model).withIterationFloorMillis(2));
        System.setProperty("servelab.home", dir.resolve("home").toString());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("servelab.home");
        agent.close();
    }

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1400, 800);
    }

    @Test
    void addAndProbeAnAgent(FxRobot robot) throws Exception {
        robot.clickOn("#tab-devices");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.devices().table().getItems().isEmpty());
        robot.clickOn("#device-add");
        WaitForAsyncUtils.waitForFxEvents();
        TextField url = robot.lookup("#device-url").queryAs(TextField.class);
        robot.interact(() -> url.setText(agent.baseUri().toString()));
        robot.clickOn("#device-name").write("pi-1");
        robot.interact(() -> robot.lookup("#device-key-env").queryAs(TextField.class).setText("sk-live/123"));
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        robot.clickOn((Node) pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.devices().table().getItems().isEmpty(), () -> "nothing added: " + window.devices().table().getItems());
        assertEquals(2, javafx.stage.Window.getWindows().size(), "a key in the variable field keeps the dialog open");
        assertTrue(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("never the key")), "the reason is shown");
        robot.interact(() -> robot.lookup("#device-key-env").queryAs(TextField.class).setText(""));
        robot.clickOn((Node) pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.devices().table().getItems().size() == 1);
        assertEquals(1, window.devices().table().getItems().size());
        assertEquals("pi-1", window.devices().table().getItems().getFirst().name());

        robot.interact(() -> window.devices().table().getSelectionModel().selectFirst());
        robot.clickOn("#device-probe");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.workbench().devices().statusProperty().get().startsWith("probe"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.workbench().devices().statusProperty().get().startsWith("probed pi-1: model tiny"), window.workbench().devices().statusProperty().get());
        DeviceRow row = window.devices().table().getItems().getFirst();
        assertEquals("tiny", row.model());
        assertTrue(row.rtt().endsWith(" ms") && row.kvCapacity().endsWith("tokens"), row.toString());
        assertFalse(window.devices().probe().isDisabled());
    }
}
