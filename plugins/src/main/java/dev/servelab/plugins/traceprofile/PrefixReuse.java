package dev.servelab.plugins.traceprofile;

import dev.servelab.engine.model.Request;

import java.util.HashSet;
import java.util.Set;

/**
 * The prefix hit ratio of an unlimited cache: for each request in arrival order, the leading run of
 * its chained block hashes that an earlier request already produced (an upper bound for any real
 * prefix cache), as a share of blocks and of prompt tokens. Mooncake's FAST'25 release reports the
 * same measure.
 */
public final class PrefixReuse {
    private final Set<Long> seen = new HashSet<>();
    private long requests;
    private long blocks;
    private long hitBlocks;
    private long tokens;
    private long hitTokens;

    public void add(Request r) {
        if (!r.hasPrefixHashes()) return;
        long[] ids = r.hashIds();
        int run = 0;
        while (run < ids.length && seen.contains(ids[run])) run++;
        for (long id : ids) seen.add(id);
        requests++;
        blocks += ids.length;
        hitBlocks += run;
        tokens += r.promptTokens();
        hitTokens += Math.min((long) run * r.hashBlockTokens(), r.promptTokens());
    }

    public boolean any() {
        return requests > 0;
    }

    public double blockHitRatio() {
        return blocks == 0 ? 0 : hitBlocks / (double) blocks;
    }

    public double tokenHitRatio() {
        return tokens == 0 ? 0 : hitTokens / (double) tokens;
    }

    public long distinctBlocks() {
        return seen.size();
    }

    public long blockReferences() {
        return blocks;
    }
}
