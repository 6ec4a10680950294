package dev.servelab.app.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps {@code docs/architecture/dependencies.md} true to the build: with {@code -Dservelab.writeDocs=true}
 * it writes the file from the reactor's poms and the compiled classes; otherwise it fails when the
 * committed file differs from what the build gives now, and says how to regenerate it.
 */
class DependencyDocTest {
    private static final String RENDERED = DependencyDoc.render(repoRoot());

    @Test
    void committedDependencyPictureIsUpToDate() throws IOException {
        Path root = repoRoot();
        Path file = root.resolve(DependencyDoc.FILE);
        String now = RENDERED;
        if (Boolean.getBoolean("servelab.writeDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, now);
            return;
        }
        String hint = DependencyDoc.FILE + " is out of date with the build; regenerate it with\n  " + DependencyDoc.REGENERATE;
        assertTrue(Files.exists(file), DependencyDoc.FILE + " is missing; generate it with\n  " + DependencyDoc.REGENERATE);
        String committed = Files.readString(file);
        if (!committed.equals(now)) fail(hint + "\nfirst difference: " + firstDifference(committed, now));
    }

    @Test
    void theRenderedPictureShowsTheModulesAndTheirDependencies() {
        String doc = RENDERED;
        assertTrue(doc.contains("  plugins --> engine\n"), "plugins depends on engine");
        assertTrue(doc.contains("  workbench_app --> engine\n"), "the workbench depends on engine");
        assertTrue(doc.contains("### engine\n"), "engine has a package graph");
        assertTrue(doc.contains("dev_servelab_engine_run --> dev_servelab_engine_event"), "the run package uses the event loop");
        assertTrue(!doc.contains("engine --> "), "the engine depends on no module");
    }

    private static String firstDifference(String committed, String now) {
        List<String> a = committed.lines().toList();
        List<String> b = now.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end>";
            String y = i < b.size() ? b.get(i) : "<end>";
            if (!x.equals(y)) return "line " + (i + 1) + ": committed `" + x + "`, build gives `" + y + "`";
        }
        return "line endings";
    }

    static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName().toString().equals("workbench-app") ? here.getParent() : here;
    }
}
