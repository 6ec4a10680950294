package dev.servelab.hw.jvm.model;

import dev.servelab.hw.jvm.kv.KvCacheSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One iteration flattened for the kernels: every token of every sequence in one row, with its
 * position, its sequence index and its KV slot ({@code block * blockSize + position % blockSize},
 * vLLM's "slot mapping"); block tables padded to {@code maxBlocks} per sequence; and the rows whose
 * logits the iteration returns ({@code lastToken}, in row order): each sequence's last token, or every
 * token of a sequence added with {@code allLogits} (speculative verification reads the target's choice
 * after each proposed token, Leviathan et al. 2023).
 */
public record BatchLayout(int[] tokens, int[] positions, int[] tokenSeq, int[] slots, int[] blockTables,
                          int maxBlocks, int[] lastToken, int maxContext) {

    public int tokenCount() {
        return tokens.length;
    }

    public int sequenceCount() {
        return maxBlocks == 0 ? 0 : blockTables.length / maxBlocks;
    }

    /** Rows whose logits the iteration returns (one per sequence unless some asked for all their rows). */
    public int outputCount() {
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
        private final List<Boolean> allLogits = new ArrayList<>();

        private Builder(KvCacheSpec spec) {
            this.spec = spec;
        }

        /** Adds a sequence's tokens for this iteration; the first sits at {@code startPosition}. */
        public Builder add(String label, int[] tokenIds, int startPosition, int[] blockTable) {
            return add(label, tokenIds, startPosition, blockTable, false);
        }

        /** As {@link #add(String, int[], int, int[])}; with {@code allLogits} every token's logits are returned. */
        public Builder add(String label, int[] tokenIds, int startPosition, int[] blockTable, boolean allLogits) {
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
            this.allLogits.add(allLogits);
            return this;
        }

        public BatchLayout build() {
            int total = tokens.stream().mapToInt(a -> a.length).sum();
            int maxBlocks = tables.stream().mapToInt(a -> a.length).max().orElse(0);
            int bs = spec.blockSizeTokens();
            int[] ids = new int[total], pos = new int[total], seq = new int[total], slots = new int[total];
            int[] flatTables = new int[tables.size() * maxBlocks];
            int outputs = 0;
            for (int s = 0; s < tokens.size(); s++) outputs += allLogits.get(s) ? tokens.get(s).length : 1;
            int[] last = new int[outputs];
            int out = 0;
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
                    if (allLogits.get(s)) last[out++] = row;
                }
                if (!allLogits.get(s)) last[out++] = row - 1;
            }
            return new BatchLayout(ids, pos, seq, slots, flatTables, maxBlocks, last, maxContext);
        }
    }
}
