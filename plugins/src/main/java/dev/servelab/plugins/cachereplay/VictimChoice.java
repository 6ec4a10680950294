package dev.servelab.plugins.cachereplay;

/**
 * A replay eviction policy: told when nodes are inserted, touched and when they become or stop
 * being candidates (see {@link BlockTree}); picks the victim among the current candidates. Node
 * fields change only while a node is not a candidate (it is on the request's chain then).
 */
interface VictimChoice {
    default void inserted(int node) {
    }

    default void touched(int node) {
    }

    void candidate(int node, boolean isCandidate);

    /** Removes and returns the victim among the candidates, or -1 when there is none. */
    int evict();
}
