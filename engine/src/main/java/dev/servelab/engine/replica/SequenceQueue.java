package dev.servelab.engine.replica;

import java.util.AbstractList;
import java.util.Arrays;

/**
 * The waiting queue: a ring buffer with O(1) add and remove at both ends and random access, so a
 * scheduler can look at any waiting sequence and the replica can requeue preempted ones at the front.
 */
final class SequenceQueue extends AbstractList<Sequence> {
    private Sequence[] items = new Sequence[64];
    private int head;
    private int size;

    @Override
    public Sequence get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return items[(head + index) & (items.length - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    void pushBack(Sequence s) {
        if (size == items.length) grow();
        items[(head + size) & (items.length - 1)] = s;
        size++;
    }

    void pushFront(Sequence s) {
        if (size == items.length) grow();
        head = (head - 1) & (items.length - 1);
        items[head] = s;
        size++;
    }

    Sequence popFront() {
        Sequence s = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        return s;
    }

    /**
     * Removes the {@code count} sequences that are no longer waiting, keeping the order of the rest;
     * O(count) when they are at the head (the FCFS case), O(size) otherwise.
     */
    void removeNotWaiting(int count) {
        while (count > 0 && size > 0 && items[head].state != Sequence.State.WAITING) {
            popFront();
            count--;
        }
        if (count == 0) return;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Sequence s = get(i);
            if (s.state == Sequence.State.WAITING) items[(head + kept++) & (items.length - 1)] = s;
        }
        for (int i = kept; i < size; i++) items[(head + i) & (items.length - 1)] = null;
        size = kept;
    }

    private void grow() {
        Sequence[] bigger = new Sequence[items.length * 2];
        for (int i = 0; i < size; i++) bigger[i] = get(i);
        items = bigger;
        head = 0;
        Arrays.fill(items, size, items.length, null);
    }
}
