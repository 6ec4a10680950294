package dev.servelab.app.gui;

import dev.servelab.app.data.RunData;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import dev.servelab.engine.store.RunInfo;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keyboard-only path, on the real window: open the quickstart example from the command
 * palette (Ctrl+K), go to its router, Enter into the property sheet and swap the router with the plugin
 * drop-down, Esc back to the card, arrow right to the pool, Enter, Tab to replicas and type 8, run with
 * F5, and read the p99 TTFT the SLA view shows. No mouse event is sent.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFlowTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1560, 1000);
        window.workbench().editor().newPipeline();
    }

    @Test
    void openSwapRouterSetReplicasRunAndReadP99Ttft(FxRobot robot) throws Exception {
        command(robot, "example quickstart");
        assertEquals("quickstart", window.workbench().editor().name());
        GraphNode router = node(NodeKind.ROUTER), pool = node(NodeKind.POOL);
        assertEquals("route.least-outstanding", router.plugin.get());

        command(robot, "go to route.least-outstanding");
        assertEquals(window.editor().canvas().view(router), focusOwner(), "the router's card has the focus");
        assertTrue(focusOwner().getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("focused")));

        robot.type(KeyCode.ENTER);
        Node plugin = window.editor().properties().editor("plugin");
        assertTrue(isWithin(focusOwner(), plugin), "Enter moved into the property sheet's plugin drop-down: " + focusOwner());
        List<String> routers = window.workbench().editor().catalog().ids(NodeKind.ROUTER);
        String next = routers.get(routers.indexOf("route.least-outstanding") + 1);
        robot.type(KeyCode.F4);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(next, router.plugin.get(), "the router was swapped in place");
        assertEquals(next, ((ComboBox<?>) window.editor().properties().editor("plugin")).getValue());

        robot.type(KeyCode.ESCAPE);
        assertEquals(window.editor().canvas().view(router), focusOwner(), "Esc went back to the card");
        robot.type(KeyCode.RIGHT);
        assertEquals(window.editor().canvas().view(pool), focusOwner(), "arrow right reached the pool");
        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.TAB);
        TextField replicas = assertInstanceOf(TextField.class, focusOwner(), "Tab from the pool's name reaches replicas");
        assertTrue(isWithin(replicas, window.editor().properties().editor("replicas")));
        robot.push(KeyCode.CONTROL, KeyCode.A).write("8").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, pool.settings.get("replicas").asInt());
        assertTrue(((Labeled) window.editor().canvas().view(pool).lookup(".node-kind")).getText().contains("8 replicas"));

        CompletableFuture<RunData> shown = window.running().expectShownRun();
        robot.type(KeyCode.F5);
        RunData run = shown.get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        RunInfo stored = window.services().store().runs().getFirst();
        assertEquals(8, stored.replicas(), "the run used 8 replicas");
        assertTrue(stored.pipelineJson().contains(next), "the run used " + next);

        double p99 = p99TtftShown(robot, run);
        assertTrue(p99 > 0, "p99 TTFT " + p99);
        System.out.printf("keyboard flow: %s, 8 replicas, p99 TTFT %.1f ms%n", next, p99);
    }

    /**
     * The p99 TTFT the SLA view's headline table shows (cell id {@code headline-p99_ttft_ms}, agreed with the
     * SLA view's owner), read off the screen and checked against the stored summary.
     */
    private double p99TtftShown(FxRobot robot, RunData run) {
        double stored = run.summary().get("p99_ttft_ms");
        var cell = robot.lookup("#headline-p99_ttft_ms").tryQuery();
        assertTrue(cell.isPresent(), "the SLA view shows no headline cell headline-p99_ttft_ms");
        String text = ((Labeled) cell.get()).getText().replace(",", "").replaceAll("[^0-9.]", "");
        double shown = Double.parseDouble(text);
        assertEquals(stored, shown, Math.max(0.05, stored * 0.001), "headline cell vs stored summary");
        return shown;
    }

    private void command(FxRobot robot, String typed) {
        robot.push(KeyCode.CONTROL, KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(typed);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private GraphNode node(NodeKind k) {
        return window.workbench().editor().graph().nodes.stream().filter(n -> n.kind == k).findFirst().orElseThrow();
    }

    private Node focusOwner() {
        return window.getScene().getFocusOwner();
    }

    private static boolean isWithin(Node n, Node ancestor) {
        for (Node x = n; x != null; x = x.getParent()) if (x == ancestor) return true;
        return false;
    }

}
