package dev.servelab.app.editor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecentTracesTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/servelab/recent-traces-test-" + ProcessHandle.current().pid());

    @AfterEach
    void clean() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void pickedFilesComeFirstNewestFirstThenTheTracesBesideThePipeline(@TempDir Path dir) throws Exception {
        Path pipelines = Files.createDirectories(dir.resolve("pipelines"));
        Path beside = Files.writeString(dir.resolve("b.csv"), "x"), jsonl = Files.writeString(dir.resolve("a.jsonl"), "x");
        Files.writeString(pipelines.resolve("p.yaml"), "name: p");
        Path elsewhere = Files.writeString(Files.createDirectories(dir.resolve("other")).resolve("c.csv"), "x");
        Path gone = dir.resolve("other/gone.csv");
        RecentTraces r = new RecentTraces(prefs);
        r.add(gone);
        r.add(beside);
        r.add(elsewhere);
        assertEquals(List.of(elsewhere, beside, gone), r.recent(), "newest first");
        assertEquals(List.of(elsewhere, beside, jsonl), r.choices(pipelines), "recent that exist, then traces beside (no repeats, no yaml)");
        for (int i = 0; i < 12; i++) r.add(dir.resolve("t" + i + ".csv"));
        assertEquals(RecentTraces.MAX, r.recent().size());
    }
}
