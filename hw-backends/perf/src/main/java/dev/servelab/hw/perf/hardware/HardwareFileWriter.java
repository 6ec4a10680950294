package dev.servelab.hw.perf.hardware;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.servelab.hw.perf.roofline.Efficiency;
import dev.servelab.hw.perf.roofline.OperatorClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a {@link HardwareSpec} in the format {@link HardwareFileReader} reads (YAML). */
public final class HardwareFileWriter {
    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private HardwareFileWriter() {}

    public static void write(HardwareSpec h, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, toYaml(h));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write hardware file " + file, e);
        }
    }

    public static String toYaml(HardwareSpec h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("name", h.name());
        m.put("kind", h.kind());
        m.put("memory_gib", round(h.memoryBytes() / HardwareFileReader.GIB));
        m.put("memory_bandwidth_gb_per_s", round(h.memoryBandwidthBytesPerS() / 1e9));
        m.put("bf16_dense_tflops", round(h.bf16DenseFlopsPerS() / 1e12));
        m.put("fp16_dense_tflops", round(h.fp16DenseFlopsPerS() / 1e12));
        m.put("fp8_dense_tflops", round(h.fp8DenseFlopsPerS() / 1e12));
        m.put("scale_up", link(h.scaleUp()));
        m.put("scale_out", link(h.scaleOut()));
        m.put("devices_per_node", h.devicesPerNode());
        m.put("tdp_watts", h.tdpWatts());
        m.put("idle_watts", h.idleWatts());
        m.put("price_usd_per_hour", h.hourlyCostUsd());
        m.put("sources", h.sources());
        m.put("notes", h.notes());
        if (h.calibration() != null) {
            m.put("calibration", calibration(h.calibration()));
        }
        try {
            return YAML.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> link(LinkSpec l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("bandwidth_gb_per_s", round(l.bandwidthBytesPerS() / 1e9));
        m.put("latency_us", round(l.latencyNanos() / 1e3));
        return m;
    }

    private static Map<String, Object> calibration(Calibration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", c.source());
        m.put("bf16_tflops", round(c.bf16FlopsPerS() / 1e12));
        m.put("memory_bandwidth_gb_per_s", round(c.memoryBandwidthBytesPerS() / 1e9));
        m.put("prefill_square_fraction", c.prefillSquareFraction());
        m.put("launch_included", c.launchIncluded());
        if (c.scaleUp() != null) {
            m.put("scale_up", link(c.scaleUp()));
        }
        Map<String, Object> ops = new LinkedHashMap<>();
        for (OperatorClass oc : OperatorClass.values()) {
            Efficiency e = c.of(oc);
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("launch_us", round(e.launchNanos() / 1e3));
            em.put("compute_eff", round(e.computeEff()));
            em.put("compute_half_gflop", round(e.computeHalfFlops() / 1e9));
            em.put("memory_eff", round(e.memoryEff()));
            em.put("memory_half_mb", round(e.memoryHalfBytes() / 1e6));
            ops.put(oc.key(), em);
        }
        m.put("operators", ops);
        return m;
    }

    /** Six significant digits: enough for the fit, stable text across runs. */
    private static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
