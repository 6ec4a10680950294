package dev.servelab.hw.perf.model;

import java.util.Locale;

/** Storage type of weights or KV cache entries, with its size in bytes per element. */
public enum Dtype {
    FP32(4.0),
    BF16(2.0),
    FP16(2.0),
    FP8(1.0),
    INT8(1.0),
    INT4(0.5);

    private final double bytesPerElement;

    Dtype(double bytesPerElement) {
        this.bytesPerElement = bytesPerElement;
    }

    public double bytesPerElement() {
        return bytesPerElement;
    }

    /** Parses {@code bf16}, {@code BF16}, {@code bfloat16}, {@code float16}, {@code fp8_e4m3} and similar. */
    public static Dtype parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "fp32", "float32", "float" -> FP32;
            case "bf16", "bfloat16" -> BF16;
            case "fp16", "float16", "half" -> FP16;
            case "fp8", "fp8_e4m3", "fp8_e5m2", "float8" -> FP8;
            case "int8", "w8a16" -> INT8;
            case "int4", "w4a16", "awq", "gptq" -> INT4;
            default -> throw new IllegalArgumentException(
                    "unknown dtype '" + text + "' (expected one of bf16, fp16, fp8, int8, int4, fp32)");
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
