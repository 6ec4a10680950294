package dev.servelab.app.gui;

import dev.servelab.app.TestRuns;
import dev.servelab.app.editor.GraphNode;
import dev.servelab.app.editor.NodeKind;
import dev.servelab.app.editor.NodeView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor's keyboard and swap gestures on the real window: Tab reaches a card and shows its focus
 * ring, arrows move between cards, Delete removes and Ctrl+Z restores; the palette search filters as
 * typed and Enter adds the first match; Enter on a palette header keeps it open; a palette item dropped
 * on a node of its kind swaps that node's plugin (undoable); a refused wire says why beside the cursor.
 */
@ExtendWith(ApplicationExtension.class)
class EditorGesturesTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, dir.resolve("runs.db"), 1560, 1000);
    }

    @BeforeEach
    void quickstart(FxRobot robot) {
        robot.interact(() -> window.workbench().editor().load(TestRuns.quickstart(), null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tabReachesACardArrowsMoveDeleteRemoves(FxRobot robot) {
        robot.interact(() -> window.editor().canvas().requestFocus());
        Node unfocusedCard = window.editor().canvas().view(node(NodeKind.WORKLOAD));
        Object plainEffect = unfocusedCard.getEffect();
        robot.type(KeyCode.TAB);
        NodeView card = assertInstanceOf(NodeView.class, focusOwner(), "Tab from the canvas reaches a node card");
        assertEquals(NodeKind.WORKLOAD, card.node.kind);
        assertTrue(card.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("focused")));
        assertNotEquals(plainEffect, card.getEffect(), "the focused card draws a ring");
        assertEquals(java.util.List.of(card.node), window.workbench().editor().selection(), "focus selects");
        robot.type(KeyCode.RIGHT);
        assertEquals(NodeKind.ADMISSION, ((NodeView) focusOwner()).node.kind);
        robot.type(KeyCode.RIGHT);
        GraphNode router = ((NodeView) focusOwner()).node;
        assertEquals(NodeKind.ROUTER, router.kind);
        robot.type(KeyCode.DOWN);
        assertEquals(NodeKind.SCHEDULER, ((NodeView) focusOwner()).node.kind);
        robot.type(KeyCode.UP);
        assertEquals(router, ((NodeView) focusOwner()).node);
        robot.type(KeyCode.DELETE);
        assertFalse(window.workbench().editor().graph().nodes.contains(router));
        assertTrue(window.workbench().editor().problems().stream().anyMatch(p -> p.message().startsWith("add a router node")));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertTrue(window.workbench().editor().graph().nodes.contains(router));
        assertFalse(window.workbench().editor().hasErrors());
    }

    @Test
    void paletteSearchFiltersAndEnterOnAHeaderKeepsItOpen(FxRobot robot) {
        robot.interact(() -> window.editor().palette().search().requestFocus());
        robot.write("round");
        var shown = window.editor().palette().visibleEntries();
        assertEquals(java.util.List.of("route.round-robin"), shown.stream().map(Label::getText).toList());
        int before = window.workbench().editor().graph().nodes.size();
        robot.type(KeyCode.ENTER);
        assertEquals(before + 1, window.workbench().editor().graph().nodes.size());
        assertEquals("route.round-robin", window.workbench().editor().graph().nodes.getLast().plugin.get());
        robot.interact(() -> window.editor().palette().search().clear());
        assertTrue(window.editor().palette().visibleEntries().size() > 20, "all entries back");

        TitledPane header = robot.lookup("#palette-section-admission").queryAs(TitledPane.class);
        robot.interact(header::requestFocus);
        robot.type(KeyCode.ENTER);
        assertTrue(header.isExpanded(), "Enter on a header does not collapse it");
        Label entry = assertInstanceOf(Label.class, focusOwner(), "Enter moved into the section");
        assertTrue(entry.getText().startsWith("admission."), entry.getText());
    }

    @Test
    void droppingOnANodeOfItsKindSwapsItAndARefusedWireSaysWhy(FxRobot robot) {
        GraphNode router = node(NodeKind.ROUTER);
        int nodes = window.workbench().editor().graph().nodes.size(), wires = window.workbench().editor().graph().wires.size();
        Node entry = robot.lookup("#palette-route-random").query();
        robot.interact(() -> window.editor().palette().reveal(entry));
        robot.drag(entry).dropTo(window.editor().canvas().view(router));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("route.random", router.plugin.get(), "swapped in place");
        assertEquals(nodes, window.workbench().editor().graph().nodes.size(), "no duplicate node");
        assertEquals(wires, window.workbench().editor().graph().wires.size(), "its wires kept");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals("route.least-outstanding", router.plugin.get());

        NodeView scheduler = window.editor().canvas().view(node(NodeKind.SCHEDULER));
        NodeView admission = window.editor().canvas().view(node(NodeKind.ADMISSION));
        robot.drag(scheduler.connector("out")).dropTo(admission.connector("in"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(wires, window.workbench().editor().graph().wires.size(), "refused");
        Label why = window.editor().refusal();
        assertTrue(why.isVisible(), "the reason is shown");
        assertTrue(why.getText().contains("does not fit"), why.getText());
        var at = why.localToScreen(0, 0);
        var port = admission.connector("in").localToScreen(0, 0);
        assertTrue(Math.abs(at.getX() - port.getX()) < 60 && Math.abs(at.getY() - port.getY()) < 60, "beside the cursor: " + at + " vs " + port);
    }

    private GraphNode node(NodeKind k) {
        return window.workbench().editor().graph().nodes.stream().filter(n -> n.kind == k).findFirst().orElseThrow();
    }

    private Node focusOwner() {
        return window.getScene().getFocusOwner();
    }
}
