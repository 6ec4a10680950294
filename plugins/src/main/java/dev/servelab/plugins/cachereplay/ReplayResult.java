package dev.servelab.plugins.cachereplay;

/** One policy at one capacity ({@code 0} = unlimited): blocks hit, blocks looked up, their ratio. */
public record ReplayResult(String policy, long capacityBlocks, long hitBlocks, long totalBlocks) {
    public double hitRatio() {
        return totalBlocks == 0 ? 0 : (double) hitBlocks / totalBlocks;
    }
}
