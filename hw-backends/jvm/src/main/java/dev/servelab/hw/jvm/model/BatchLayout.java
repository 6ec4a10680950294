package dev.servelab.hw.jvm.model;

import dev.servelab.hw.jvm.kv.KvCacheSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One iteration flattened for the kernels: every token of every sequence in one row, with its
 * position, its sequence index and its KV slot ({@code block * blockSize + position % blockSize},
 * vLLM's "slot mapping"); block tables padded to {@code maxBlocks} per sequence; and the row of
 * each sequence's last token, whose logits the iteration returns.
 */
public record BatchLayout(int[] tokens, int[] positions, int[] tokenSeq, int[] slots, int[] blockTables,
                          int maxBlocks, int[] lastToken, int maxContext) {

    public int tokenCount() {
        return tokens.length;
    }

    public int sequenceCount() {
        return lastToken.length;
    }

    public static Builder builder(KvCacheSpec spec) {
        return new Builder(spec);
    }

    /** Collects sequences, checking each against the cache geometry. */
    public static final class Builder {
        private final KvCacheSpec spec;
        private final List<int[]> tokens = new ArrayList<>();
        private final List<int[]> tables = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();

        private Builder(KvCacheSpec spec) {
            this.spec = spec;
        }

        /** Adds a sequence's tokens for this iteration; the first sits at {@code startPosition}. */
        public Builder add(String label, int[] tokenIds, int startPosition, int[] blockTable) {
            if (tokenIds.length == 0 || startPosition < 0) {
                throw new IllegalArgumentException(label + ": needs at least one token and a start position >= 0");
            }
            long needed = ((long) startPosition + tokenIds.length + spec.blockSizeTokens() - 1) / spec.blockSizeTokens();
            if (blockTable.length < needed) {
                throw new IllegalArgumentException(label + ": positions up to " + (startPosition + tokenIds.length - 1)
                        + " need " + needed + " blocks of " + spec.blockSizeTokens() + " tokens, block table has "
                        + blockTable.length);
            }
            for (int block : blockTable) {
                if (block < 0 || block >= spec.blockCount()) {
                    throw new IllegalArgumentException(label + ": block " + block + " is outside the pool [0, "
                            + spec.blockCount() + ")");
                }
            }
            tokens.add(tokenIds.clone());
            tables.add(blockTable.clone());
            starts.add(startPosition);
            return this;
        }

        public BatchLayout build() {
            int total = tokens.stream().mapToInt(a -> a.length).sum();
            int maxBlocks = tables.stream().mapToInt(a -> a.length).max().orElse(0);
            int bs = spec.blockSizeTokens();
            int[] ids = new int[total], pos = new int[total], seq = new int[total], slots = new int[total];
            int[] flatTables = new int[tables.size() * maxBlocks];
            int[] last = new int[tokens.size()];
            int row = 0;
            int maxContext = 0;
            for (int s = 0; s < tokens.size(); s++) {
                int[] table = tables.get(s);
                System.arraycopy(table, 0, flatTables, s * maxBlocks, table.length);
                for (int i = 0; i < tokens.get(s).length; i++, row++) {
                    int p = starts.get(s) + i;
                    ids[row] = tokens.get(s)[i];
                    pos[row] = p;
                    seq[row] = s;
                    slots[row] = table[p / bs] * bs + p % bs;
                    maxContext = Math.max(maxContext, p + 1);
                }
                last[s] = row - 1;
            }
            return new BatchLayout(ids, pos, seq, slots, flatTables, maxBlocks, last, maxContext);
        }
    }
}
