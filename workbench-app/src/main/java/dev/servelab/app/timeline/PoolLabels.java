package dev.servelab.app.timeline;

import dev.servelab.app.data.PoolNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The pool name of each replica and its pool's index (for a stripe colour), computed once per run so the
 * timeline only indexes arrays while painting. Empty ({@link #shown()} false) for a run with a
 * single pool, where naming it on every row would add nothing.
 */
public final class PoolLabels {
    private final String[] names;
    private final int[] index;
    private final boolean shown;

    private PoolLabels(String[] names, int[] index, boolean shown) {
        this.names = names;
        this.index = index;
        this.shown = shown;
    }

    public static PoolLabels of(String[] replicaPools) {
        List<String> order = new ArrayList<>();
        int[] index = new int[replicaPools.length];
        for (int r = 0; r < replicaPools.length; r++) {
            String p = replicaPools[r];
            if (!order.contains(p)) order.add(p);
            index[r] = p.isEmpty() ? -1 : order.indexOf(p);
        }
        return new PoolLabels(replicaPools.clone(), index, PoolNames.distinct(replicaPools));
    }

    public boolean shown() {
        return shown;
    }

    /** The pool of {@code replica}, or "" when unknown. */
    public String name(int replica) {
        return replica >= 0 && replica < names.length ? names[replica] : "";
    }

    /** The pool's position among the run's pools (first seen first), or -1 when unknown. */
    public int index(int replica) {
        return replica >= 0 && replica < index.length ? index[replica] : -1;
    }

    /** The longest pool name. */
    public String longest() {
        String l = "";
        for (String n : names) if (n.length() > l.length()) l = n;
        return l;
    }
}
