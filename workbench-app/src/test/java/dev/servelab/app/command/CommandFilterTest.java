package dev.servelab.app.command;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandFilterTest {
    private static final List<Command> ALL = List.of(
            new Command("Add route.round-robin", "", () -> { }),
            new Command("Add route.random", "", () -> { }),
            new Command("Go to node route.round-robin (Router)", "", () -> { }),
            new Command("Run", "F5", () -> { }),
            new Command("Cancel run", "Esc", () -> { }),
            new Command("Open example quickstart.yaml", "", () -> { }));

    private static List<String> titles(String q) {
        return CommandFilter.matching(ALL, q).stream().map(Command::title).toList();
    }

    @Test
    void typingAPluginIdPutsItsAddCommandFirst() {
        assertEquals(List.of("Add route.round-robin", "Go to node route.round-robin (Router)"), titles("route.round-robin"));
        assertEquals("Add route.random", titles("ROUTE.RANDOM").getFirst(), "case is ignored");
    }

    @Test
    void everyWordMustAppearAndWholeMatchesComeFirst() {
        assertEquals(List.of("Open example quickstart.yaml"), titles("example quick"));
        assertEquals(List.of("Run", "Cancel run"), titles("run").subList(0, 2), "Run itself before a title that ends with it");
        assertTrue(titles("nothing like this").isEmpty());
        assertEquals(ALL.size(), titles("  ").size(), "an empty query lists everything");
    }
}
