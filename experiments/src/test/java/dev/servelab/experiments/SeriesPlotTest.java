package dev.servelab.experiments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sweep pareto --series}: one coloured curve per distinct parameter value, listed on stdout. */
class SeriesPlotTest {
    @TempDir
    Path dir;

    @Test
    void seriesSplitThePointsByParameterAndDrawEachInItsColour() throws Exception {
        String db = dir.resolve("runs.db").toString();
        Cli run = Cli.run("sweep", "run", Cli.resource("sweeps/small.yaml").toString(), "--db", db, "--json");
        assertEquals(0, run.code(), run.err());
        Path png = dir.resolve("series.png");
        Cli plot = Cli.run("sweep", "pareto", "1", "--x", "cost_per_hour_usd", "--y", "p99_ttft_ms", "--series", "pools.0.hardware",
                "--out", png.toString(), "--db", db);
        assertEquals(0, plot.code(), plot.err());
        List<String> heads = plot.out().lines().filter(l -> l.startsWith("  pools.0.hardware = ")).toList();
        assertEquals(List.of("  pools.0.hardware = h100-sxm", "  pools.0.hardware = l40s"), heads);
        long points = plot.out().lines().filter(l -> l.startsWith("    point ")).count();
        assertTrue(plot.out().startsWith("wrote " + png + ": " + points + " points in 2 series"), plot.out());
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(has(img, 0x1e64c8) && has(img, 0xd22828), "both series colours are drawn");

        Cli bad = Cli.run("sweep", "pareto", "1", "--x", "cost_per_hour_usd", "--y", "p99_ttft_ms", "--series", "pools.0.gpu",
                "--out", png.toString(), "--db", db);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--series pools.0.gpu: no varied parameter has this path"), bad.err());
    }

    private static boolean has(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) return true;
        }
        return false;
    }
}
