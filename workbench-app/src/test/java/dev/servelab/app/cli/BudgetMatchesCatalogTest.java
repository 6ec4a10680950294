package dev.servelab.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.servelab.app.budget.PoolBudget;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's memory / KV budget panel states what {@code servelab catalog --model M --hardware H --tp N} prints. */
class BudgetMatchesCatalogTest {
    @Test
    void poolBudgetIsTheCatalogLine() {
        for (int tp : new int[]{1, 2}) {
            CliRunner.Result r = CliRunner.run("catalog", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--tp", Integer.toString(tp));
            assertEquals(0, r.exitCode(), r.err());
            Map<String, JsonNode> pool = Map.of("model", TextNode.valueOf("llama-3.1-8b"), "hardware", TextNode.valueOf("h100-sxm"),
                    "tensor_parallel", IntNode.valueOf(tp), "max_num_seqs", IntNode.valueOf(64));
            PoolBudget b = PoolBudget.of(pool);
            assertEquals(r.out().strip(), b.catalogLine());
            long perSeq = (4096 + 15) / 16;
            assertEquals(b.budget().kvBlocks() / perSeq, b.sequencesThatFit(4096));
            assertEquals(Math.min(64, b.sequencesThatFit(4096)), b.maxConcurrent(4096));
        }
    }

    @Test
    void unknownHardwareIsOneLine() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> PoolBudget.of(Map.of("hardware", TextNode.valueOf("h999"))));
        assertTrue(e.getMessage().contains("unknown hardware 'h999'"), e.getMessage());
    }
}
