package dev.servelab.hw.perf;

import dev.servelab.hw.perf.catalog.CatalogException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.servelab.hw.perf.hardware.HardwareCatalog;
import dev.servelab.hw.perf.hardware.HardwareFileReader;
import dev.servelab.hw.perf.hardware.HardwareFileWriter;
import dev.servelab.hw.perf.hardware.HardwareSpec;
import dev.servelab.hw.perf.model.Dtype;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HardwareCatalogTest {
    static final List<String> SHIPPED = List.of("a100-40gb", "a100-80gb", "h100-sxm", "h100-pcie", "h200", "b200", "l4",
            "l40s", "mi300x", "rtx-4090", "jetson-agx-orin", "jetson-orin-nano", "apple-m4-max", "raspberry-pi-5");

    @Test
    void everyShippedEntryLoadsWithConsistentUnits() {
        HardwareCatalog catalog = HardwareCatalog.standard();
        assertTrue(catalog.ids().containsAll(SHIPPED), catalog.ids().toString());
        for (String id : SHIPPED) {
            HardwareSpec h = catalog.get(id);
            assertEquals(id, h.id());
            assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), "kebab-case id " + id);
            assertBetween(id + " bf16 FLOP/s", h.bf16DenseFlopsPerS(), 5e10, 1e16);
            assertTrue(h.fp16DenseFlopsPerS() >= h.bf16DenseFlopsPerS(), id + " fp16 >= bf16");
            assertTrue(h.fp8DenseFlopsPerS() == 0 || h.fp8DenseFlopsPerS() >= h.bf16DenseFlopsPerS(), id + " fp8");
            assertBetween(id + " memory bytes", h.memoryBytes(), 4e9, 3e11);
            assertBetween(id + " bandwidth", h.memoryBandwidthBytesPerS(), 1e10, 1e13);
            assertBetween(id + " scale-up", h.scaleUp().bandwidthBytesPerS(), 1e8, 2e12);
            assertBetween(id + " scale-out", h.scaleOut().bandwidthBytesPerS(), 1e8, 2e12);
            assertBetween(id + " TDP", h.tdpWatts(), 5, 2000);
            assertTrue(h.idleWatts() < h.tdpWatts(), id + " idle < TDP");
            assertTrue(h.hourlyCostUsd() > 0, id + " cost");
            assertFalse(h.sources().isEmpty(), id + " sources");
            // arithmetic intensity at the ridge point is between 1 and 1000 FLOP/byte for every real device
            assertBetween(id + " ridge", h.bf16DenseFlopsPerS() / h.memoryBandwidthBytesPerS(), 1, 1000);
        }
    }

    @Test
    void datasheetFiguresAreDenseNotSparse() {
        HardwareCatalog c = HardwareCatalog.standard();
        assertEquals(989.4e12, c.get("h100-sxm").bf16DenseFlopsPerS(), 1e9);
        assertEquals(1978.9e12, c.get("h200").fp8DenseFlopsPerS(), 1e9);
        assertEquals(312e12, c.get("a100-80gb").bf16DenseFlopsPerS(), 1e9);
        assertEquals(0, c.get("a100-80gb").fp8DenseFlopsPerS());
        assertEquals(4.8e12, c.get("h200").memoryBandwidthBytesPerS(), 1e9);
        assertEquals(1307.4e12, c.get("mi300x").bf16DenseFlopsPerS(), 1e9);
    }

    @Test
    void fp8ComputeFallsBackToBf16WithoutFp8Units() {
        HardwareSpec a100 = HardwareCatalog.standard().get("a100-80gb");
        assertEquals(a100.bf16DenseFlopsPerS(), a100.denseFlopsPerS(Dtype.FP8));
        HardwareSpec h100 = HardwareCatalog.standard().get("h100-sxm");
        assertEquals(2 * h100.bf16DenseFlopsPerS(), h100.denseFlopsPerS(Dtype.FP8), 1e12);
    }

    @Test
    void shippedH200IsCalibratedOthersUseDefaults() {
        HardwareCatalog c = HardwareCatalog.standard();
        assertTrue(c.get("h200").isCalibrated());
        assertEquals(739.2e12, c.get("h200").calibration().bf16FlopsPerS(), 0.1e12);
        assertFalse(c.get("l4").isCalibrated());
        assertEquals(0.75 * 121e12, c.get("l4").calibrationOrDefault().bf16FlopsPerS(), 1e9);
    }

    @Test
    void thisCpuIsMeasured() {
        HardwareSpec cpu = HardwareCatalog.standard().get(HardwareCatalog.THIS_CPU);
        assertEquals("cpu", cpu.kind());
        assertTrue(cpu.bf16DenseFlopsPerS() > 1e8, "measured FLOP/s " + cpu.bf16DenseFlopsPerS());
        assertTrue(cpu.memoryBandwidthBytesPerS() > 1e8, "measured bytes/s " + cpu.memoryBandwidthBytesPerS());
        assertTrue(cpu.memoryBytes() > 1e8);
    }

    @Test
    void writtenFileReadsBackEqual(@TempDir Path dir) {
        HardwareSpec h = HardwareCatalog.standard().get("h200");
        Path f = dir.resolve("h200.yaml");
        HardwareFileWriter.write(h, f);
        HardwareSpec back = HardwareFileReader.read("h200", f);
        assertEquals(h.bf16DenseFlopsPerS(), back.bf16DenseFlopsPerS(), 1e6);
        assertEquals(h.calibration().of(dev.servelab.hw.perf.roofline.OperatorClass.GEMM).computeEff(),
                back.calibration().of(dev.servelab.hw.perf.roofline.OperatorClass.GEMM).computeEff(), 1e-5);
    }

    @Test
    void badFileErrorNamesFileAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my-gpu.yaml");
        Files.writeString(f, "name: X\nmemory_gib: 24\nmemory_bandwidth_gb_per_s: fast\nbf16_dense_tflops: 100\n");
        CatalogException e = assertThrows(CatalogException.class, () -> HardwareFileReader.read("my-gpu", f));
        assertTrue(e.getMessage().contains("my-gpu.yaml") && e.getMessage().contains("memory_bandwidth_gb_per_s"),
                e.getMessage());
        Files.writeString(f, "memory_gib: 24\nmemory_bandwidth_gb_per_s: 300\nbf16_dense_tflops: 100\ntdp_watts: 70\n"
                + "sources: [x]\nscale_up: {bandwidth_gb_per_s: 32, latency_us: 5}\nscale_out: {bandwidth_gb_per_s: 1}\n");
        e = assertThrows(CatalogException.class, () -> HardwareFileReader.read("my-gpu", f));
        assertTrue(e.getMessage().contains("scale_out.latency_us"), e.getMessage());
    }

    @Test
    void unknownIdListsKnownIds() {
        CatalogException e = assertThrows(CatalogException.class, () -> HardwareCatalog.standard().get("h300"));
        assertTrue(e.getMessage().contains("h200"), e.getMessage());
    }

    private static void assertBetween(String what, double v, double lo, double hi) {
        assertTrue(v >= lo && v <= hi, what + " = " + v + " not in [" + lo + ", " + hi + "]");
    }
}
