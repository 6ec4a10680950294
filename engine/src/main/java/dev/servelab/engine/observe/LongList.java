package dev.servelab.engine.observe;

import java.util.Arrays;

/** A growable list of longs (a sequence's token timestamps, without boxing). */
public final class LongList {
    private long[] items;
    private int size;

    public LongList(int capacity) {
        items = new long[Math.max(4, capacity)];
    }

    public void add(long v) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = v;
    }

    public long get(int i) {
        return items[i];
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
