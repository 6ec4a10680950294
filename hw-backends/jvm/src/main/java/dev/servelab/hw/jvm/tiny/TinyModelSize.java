package dev.servelab.hw.jvm.tiny;

/** Shapes of the generated models: {@code tiny} for tests and the quickstart, {@code 100m} for benchmarks. */
public enum TinyModelSize {
    /** About 0.1M parameters: 2 layers of width 64, 4 query heads sharing 2 KV heads. */
    TINY("tiny", 64, 192, 2, 4, 2, 512),
    /** About 100M parameters: 9 layers of width 1024, 16 query heads sharing 4 KV heads. */
    M100("100m", 1024, 2816, 9, 16, 4, 2048);

    private final String label;
    final int dim;
    final int hiddenDim;
    final int layers;
    final int heads;
    final int kvHeads;
    final int contextLength;

    TinyModelSize(String label, int dim, int hiddenDim, int layers, int heads, int kvHeads, int contextLength) {
        this.label = label;
        this.dim = dim;
        this.hiddenDim = hiddenDim;
        this.layers = layers;
        this.heads = heads;
        this.kvHeads = kvHeads;
        this.contextLength = contextLength;
    }

    public String label() {
        return label;
    }

    /** The size called {@code label} ({@code tiny} or {@code 100m}). */
    public static TinyModelSize of(String label) {
        for (TinyModelSize s : values()) {
            if (s.label.equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown model size '" + label + "' (expected tiny or 100m)");
    }
}
