package dev.servelab.hw.jvm.kv;

/**
 * The KV cache's storage: per layer, one K and one V pool of {@code blockCount} blocks laid out
 * {@code [block][slot][kvDim]}. Which blocks a sequence owns is the block table's business
 * (the caller's), as in vLLM's PagedAttention; this class only holds the floats.
 */
public final class PagedKvCache {
    private final KvCacheSpec spec;
    private final int kvDim;
    private final float[][] keys;
    private final float[][] values;

    public PagedKvCache(KvCacheSpec spec, int layers, int kvDim) {
        long perLayer = spec.tokenCapacity() * kvDim;
        if (perLayer > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(spec + " x kvDim " + kvDim + " needs " + perLayer
                    + " floats per layer, more than one Java array holds; use fewer or smaller blocks");
        }
        this.spec = spec;
        this.kvDim = kvDim;
        this.keys = new float[layers][(int) perLayer];
        this.values = new float[layers][(int) perLayer];
    }

    public KvCacheSpec spec() {
        return spec;
    }

    public int kvDim() {
        return kvDim;
    }

    public float[] keys(int layer) {
        return keys[layer];
    }

    public float[] values(int layer) {
        return values[layer];
    }
}
