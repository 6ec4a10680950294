package dev.servelab.hw.tornadovm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Host arrays that stand in for the caller's on the device side: one per (role, length), reused
 * from call to call, so a compiled TaskGraph that captured them stays valid. Copies in the used
 * part of a caller's array and pads the rest with a given value.
 */
final class StagingArrays {
    private final Map<String, float[]> floats = new HashMap<>();
    private final Map<String, int[]> ints = new HashMap<>();

    /** The staged float array of {@code role} and {@code length} (contents as left by the last use). */
    float[] floats(String role, int length) {
        return floats.computeIfAbsent(role + "/" + length, key -> new float[length]);
    }

    /** The staged int array of {@code role} and {@code length}. */
    int[] ints(String role, int length) {
        return ints.computeIfAbsent(role + "/" + length, key -> new int[length]);
    }

    /** {@code src[0 .. used)} copied into the staged array of {@code role} and {@code length}. */
    float[] floatsFrom(String role, float[] src, int used, int length) {
        float[] staged = floats(role, length);
        System.arraycopy(src, 0, staged, 0, used);
        return staged;
    }

    /** {@code src[0 .. used)} copied into the staged array, the rest set to {@code pad}. */
    int[] intsFrom(String role, int[] src, int used, int length, int pad) {
        int[] staged = ints(role, length);
        System.arraycopy(src, 0, staged, 0, used);
        Arrays.fill(staged, used, length, pad);
        return staged;
    }

    void clear() {
        floats.clear();
        ints.clear();
    }
}
