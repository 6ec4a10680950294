package dev.servelab.hw.perf.roofline;

import java.util.Locale;

/**
 * Kernel families that share one efficiency curve: all matrix products (projections, MLP,
 * MoE experts, LM head) are {@code GEMM}; FlashAttention-style prefill and paged decode
 * attention have their own curves; RMSNorm, the SiLU-and-multiply activation and the other
 * element-wise kernels (RoPE, residual add, embedding gather, sampling) are bandwidth-bound.
 */
public enum OperatorClass {
    GEMM,
    ATTN_PREFILL,
    ATTN_DECODE,
    NORM,
    ACTIVATION,
    ELEMENTWISE;

    /** The key used in hardware files: {@code gemm}, {@code attn_prefill}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OperatorClass fromKey(String key) {
        return valueOf(key.trim().toUpperCase(Locale.ROOT));
    }
}
