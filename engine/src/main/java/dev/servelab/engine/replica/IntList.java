package dev.servelab.engine.replica;

import java.util.Arrays;

/** A growable list of ints (a sequence's block table, without boxing). */
final class IntList {
    private int[] items = new int[8];
    private int size;

    void add(int v) {
        if (size == items.length) items = Arrays.copyOf(items, size * 2);
        items[size++] = v;
    }

    int get(int i) {
        return items[i];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
