package dev.servelab.hw.perf;

import dev.servelab.hw.perf.operator.Deployment;
import dev.servelab.hw.perf.operator.Operator;
import dev.servelab.hw.perf.catalog.CatalogException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.perf.profile.Profile;
import dev.servelab.hw.perf.profile.ProfilePoint;
import dev.servelab.hw.perf.profile.ProfileReader;
import dev.servelab.hw.perf.profile.ProfileTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTableTest {
    static ProfilePoint op(String op, int tokens, double ms) {
        return new ProfilePoint(op, "m", tokens, 0, 0, ms, Double.NaN, Double.NaN, 1);
    }

    static ProfilePoint decode(int batch, int context, double ms) {
        return new ProfilePoint("attn_decode", "m", 0, batch, context, ms, Double.NaN, Double.NaN, 1);
    }

    final ProfileTable table = new ProfileTable(new Profile("t", List.of(
            op("qkv_proj", 100, 1.0), op("qkv_proj", 400, 4.0), op("qkv_proj", 1600, 9.0),
            decode(1, 100, 0.1), decode(1, 400, 0.2), decode(4, 100, 0.4), decode(4, 400, 1.6)), Double.NaN, Double.NaN));

    @Test
    void exactAtMeasuredPoints() {
        assertEquals(1e6, table.tokenNanos(Operator.QKV, 100), 1e-6);
        assertEquals(4e6, table.tokenNanos(Operator.QKV, 400), 1e-6);
        assertEquals(0.4e6, table.decodeNanos(4, 100), 1e-6);
    }

    @Test
    void logLogLinearBetweenPoints() {
        // 200 is the geometric midpoint of 100 and 400: time is the geometric mean of 1 and 4 ms
        assertEquals(2e6, table.tokenNanos(Operator.QKV, 200), 1e-3);
        assertEquals(6e6, table.tokenNanos(Operator.QKV, 800), 1e-3); // sqrt(4 * 9)
        // bilinear in logs: batch 2, context 200 -> geometric mean of the four corners
        assertEquals(Math.pow(0.1 * 0.2 * 0.4 * 1.6, 0.25) * 1e6, table.decodeNanos(2, 200), 1e-3);
    }

    @Test
    void neverExtrapolates() {
        assertTrue(Double.isNaN(table.tokenNanos(Operator.QKV, 50)));
        assertTrue(Double.isNaN(table.tokenNanos(Operator.QKV, 1601)));
        assertTrue(Double.isNaN(table.tokenNanos(Operator.MLP_DOWN, 200)));
        assertTrue(Double.isNaN(table.decodeNanos(8, 200)));
    }

    @Test
    void readsTheSharedH200File() {
        Profile p = ProfileReader.read(SharedData.h200Profile());
        assertEquals(102, p.points().size());
        assertEquals(739.22e12, p.gemmFlopsPerS(), 0.01e12);
        assertEquals(4231.33e9, p.copyBytesPerS(), 0.01e9);
        assertEquals(18, p.pointsOf("attn_decode").size());
    }

    @Test
    void badLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.jsonl");
        Files.writeString(f, "{\"kind\": \"op\", \"op\": \"qkv_proj\", \"tokens\": 1, \"ms\": 0.1}\n{\"op\": \"qkv_proj\", \"tokens\": 2}\n");
        CatalogException e = assertThrows(CatalogException.class, () -> ProfileReader.read(f));
        assertTrue(e.getMessage().contains("p.jsonl:2") && e.getMessage().contains("ms"), e.getMessage());
    }

    @Test
    void profileOfAnotherModelIsRefused() {
        PerformanceModel pm = PerformanceModel.of("llama-3.1-70b", "h200", Deployment.single());
        ProfileTable h200 = new ProfileTable(ProfileReader.read(SharedData.h200Profile()));
        CatalogException e = assertThrows(CatalogException.class, () -> pm.withProfile(h200));
        assertTrue(e.getMessage().contains("different model"), e.getMessage());
    }
}
