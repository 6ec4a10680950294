package dev.servelab.engine.model;

/**
 * The LoRA adapter a request runs with (multi-LoRA serving: many low-rank adapters over one base
 * model, as in S-LoRA, Punica and vLLM's {@code --enable-lora}). Adapters are numbered from 0, as a
 * trace's {@code adapter} column or a workload's {@code adapters} mix gives them; a request without an
 * adapter carries null (the base model).
 *
 * @param id the adapter's number, at least 0
 */
public record AdapterId(int id) implements Comparable<AdapterId> {
    private static final AdapterId[] SMALL = new AdapterId[1024];

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = new AdapterId(i);
    }

    public AdapterId {
        if (id < 0) throw new IllegalArgumentException("adapter id must be >= 0, was " + id);
    }

    /** Adapter {@code id} (shared instances for small ids). */
    public static AdapterId of(int id) {
        return id >= 0 && id < SMALL.length ? SMALL[id] : new AdapterId(id);
    }

    @Override
    public int compareTo(AdapterId o) {
        return Integer.compare(id, o.id);
    }

    @Override
    public String toString() {
        return "lora-" + id;
    }
}
