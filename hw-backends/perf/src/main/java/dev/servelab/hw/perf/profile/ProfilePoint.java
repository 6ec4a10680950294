package dev.servelab.hw.perf.profile;

/**
 * One measured operator from a profile file: its name ({@code qkv_proj}, {@code attn_decode},
 * ...), the model it was measured for, its shape ({@code tokens} rows; for {@code attn_decode}
 * {@code batch} sequences over {@code context} cached tokens, tokens then 0), the measured time in
 * ms (launch included) and, where the file gives them, FLOPs and KV bytes (NaN otherwise).
 * {@code line} is the 1-based line in the file.
 */
public record ProfilePoint(
        String op, String model, int tokens, int batch, int context, double ms, double flops, double kvBytes, int line) {

    public boolean isDecode() {
        return batch > 0;
    }

    /** A short human-readable shape, e.g. {@code tokens=512} or {@code batch=8 context=2048}. */
    public String shape() {
        if (isDecode()) {
            return "batch=" + batch + " context=" + context;
        }
        return context > 0 ? "tokens=" + tokens + " context=" + context : "tokens=" + tokens;
    }
}
