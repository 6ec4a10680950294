package dev.servelab.engine.replica;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The running sequences in admission order, read-only to schedulers. Each sequence gets an increasing
 * key when it is appended, so a sequence's position is a binary search over a {@code long[]} (no
 * sequence is touched), and the list also keeps, ordered by key, its members that are not in the
 * replica's {@link DecodeCohort}: the ones a scheduling pass must visit one by one.
 */
final class RunningList extends AbstractList<Sequence> implements RandomAccess {
    private Sequence[] items = new Sequence[64];
    private long[] keys = new long[64];
    private int size;
    private long nextKey;
    private Sequence[] explicit = new Sequence[16];
    private long[] explicitKeys = new long[16]; // explicit[i].runKey, searched without touching the sequences
    private int explicitCount;

    @Override
    public Sequence get(int index) {
        if (index >= size) throw new IndexOutOfBoundsException(index);
        return items[index];
    }

    @Override
    public int size() {
        return size;
    }

    long key(int index) {
        return keys[index];
    }

    /** Position of the sequence with key {@code key} (it must be in the list). */
    int position(long key) {
        int i = Arrays.binarySearch(keys, 0, size, key);
        if (i < 0) throw new IllegalStateException("no running sequence with key " + key);
        return i;
    }

    /** Appends a newly admitted (or placed) sequence, visited one by one until it joins the cohort. */
    void append(Sequence s) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        s.runKey = nextKey++;
        items[size] = s;
        keys[size++] = s.runKey;
        addExplicit(s);
    }

    /** Removes {@code s} (finished, handed off or preempted; not a cohort member). */
    void remove(Sequence s) {
        int i = position(s.runKey);
        System.arraycopy(items, i + 1, items, i, size - i - 1);
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        items[--size] = null;
        removeExplicit(s);
    }

    /** Drops every sequence (a crashed replica); cohort members must have left the cohort first. */
    @Override
    public void clear() {
        Arrays.fill(items, 0, size, null);
        Arrays.fill(explicit, 0, explicitCount, null);
        size = 0;
        explicitCount = 0;
    }

    /** Position of the first sequence at or after {@code from} that is not a cohort member, or {@code to}. */
    int nextExplicit(int from, int to) {
        int j = explicitAtOrAfter(keys[from]);
        if (j == explicitCount) return to;
        return Math.min(to, position(explicitKeys[j]));
    }

    /** {@code s} left the cohort: it is visited one by one again. */
    void addExplicit(Sequence s) {
        if (explicitCount == explicit.length) {
            explicit = Arrays.copyOf(explicit, explicitCount * 2);
            explicitKeys = Arrays.copyOf(explicitKeys, explicitCount * 2);
        }
        int j = explicitAtOrAfter(s.runKey);
        System.arraycopy(explicit, j, explicit, j + 1, explicitCount - j);
        System.arraycopy(explicitKeys, j, explicitKeys, j + 1, explicitCount - j);
        explicit[j] = s;
        explicitKeys[j] = s.runKey;
        explicitCount++;
    }

    /** {@code s} joined the cohort (or left the list). */
    void removeExplicit(Sequence s) {
        int j = explicitAtOrAfter(s.runKey);
        if (j == explicitCount || explicit[j] != s) return;
        System.arraycopy(explicit, j + 1, explicit, j, explicitCount - j - 1);
        System.arraycopy(explicitKeys, j + 1, explicitKeys, j, explicitCount - j - 1);
        explicit[--explicitCount] = null;
    }

    private int explicitAtOrAfter(long key) {
        int i = Arrays.binarySearch(explicitKeys, 0, explicitCount, key);
        return i >= 0 ? i : -i - 1;
    }
}
