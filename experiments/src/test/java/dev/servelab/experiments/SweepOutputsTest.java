package dev.servelab.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep list}, {@code show}, {@code export} (CSV), {@code pareto} and {@code heatmap} (PNG) over a stored experiment. */
class SweepOutputsTest {
    @TempDir
    Path dir;

    @Test
    void listShowExportParetoAndHeatmapReadTheStoredExperiment() throws Exception {
        String db = dir.resolve("runs.db").toString();
        Cli run = Cli.run("sweep", "run", Cli.resource("sweeps/small.yaml").toString(), "--db", db, "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode r = new ObjectMapper().readTree(run.out());
        String id = r.get("experiment_id").asText();

        Cli list = Cli.run("sweep", "list", "--db", db);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("small-sweep") && l.contains("completed")), list.out());

        Cli show = Cli.run("sweep", "show", id, "--db", db, "--json");
        assertEquals(0, show.code(), show.err());
        JsonNode s = new ObjectMapper().readTree(show.out());
        assertEquals(r.get("points"), s.get("points"));
        assertEquals(r.get("best"), s.get("best"));

        Path csv = dir.resolve("points.csv");
        assertEquals(0, Cli.run("sweep", "export", id, "--out", csv.toString(), "--db", db).code());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(17, lines.size());
        assertTrue(lines.getFirst().startsWith("point_id,run_id,status,feasible,reason,pools.0.hardware,pools.0.replicas"), lines.getFirst());
        assertTrue(lines.getFirst().contains(",cost_per_hour_usd,"));

        Path png = dir.resolve("pareto.png");
        Cli pareto = Cli.run("sweep", "pareto", id, "--x", "cost_per_hour_usd", "--y", "p99_ttft_ms", "--out", png.toString(), "--db", db);
        assertEquals(0, pareto.code(), pareto.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertTrue(pareto.out().contains("on the frontier"), pareto.out());

        Path heat = dir.resolve("heat.png");
        Cli hm = Cli.run("sweep", "heatmap", id, "--x", "pools.0.hardware", "--y", "pools.0.replicas", "--metric", "p99_ttft_ms",
                "--out", heat.toString(), "--db", db);
        assertEquals(0, hm.code(), hm.err());
        assertEquals(600, ImageIO.read(heat.toFile()).getHeight());

        Cli bad = Cli.run("sweep", "pareto", id, "--x", "dollars", "--y", "p99_ttft_ms", "--out", png.toString(), "--db", db);
        assertEquals(2, bad.code());
    }
}
