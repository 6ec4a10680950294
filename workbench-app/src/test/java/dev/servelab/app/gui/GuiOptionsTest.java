package dev.servelab.app.gui;

import dev.servelab.engine.cli.DbOption;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code servelab gui}'s options: the builder's defaults are the command line's, and every flag lands in its field. */
class GuiOptionsTest {
    private static GuiOptions parse(String... args) {
        GuiCommand c = new GuiCommand();
        new CommandLine(c).parseArgs(args);
        return c.options();
    }

    @Test
    void builderDefaultsAreTheCommandLineDefaults() {
        GuiOptions none = parse();
        assertEquals(GuiOptions.builder().build(), none);
        assertEquals(new GuiOptions(null, false, null, DbOption.defaultPath(), "auto", null, null, List.of(), 1440, 900, false, false,
                0, false, null, null, 0, null), none);
        assertFalse(none.scripted());
    }

    @Test
    void everyFlagReachesItsOption() {
        GuiOptions o = parse("--open", "p.yaml", "--run", "--screenshot", "s.png", "--db", "x.db", "--view", "timeline",
                "--zoom", "1.5s", "--show-run", "7", "--compare", "1,2", "--size", "800x600", "--dark", "--shoot-at", "2.5",
                "--sim-vs-live", "--mode", "jvm", "--probe", "pi-1", "--requests", "500", "--experiment", "3");
        GuiOptions expected = GuiOptions.builder().open(Path.of("p.yaml")).run(true).screenshot(Path.of("s.png")).db(Path.of("x.db"))
                .view("timeline").zoom("1.5s").showRun(7L).compare(List.of(1L, 2L)).size(800, 600).dark(true).shootAt(2.5)
                .simVsLive(true).mode("jvm").probe("pi-1").requests(500).experiment(3L).build();
        assertEquals(expected, o);
        assertTrue(o.scripted());
        assertTrue(parse("--bench-timeline").bench() && parse("--bench-timeline").scripted());
    }
}
