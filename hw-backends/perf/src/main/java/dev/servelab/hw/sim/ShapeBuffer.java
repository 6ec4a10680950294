package dev.servelab.hw.sim;

import dev.servelab.engine.spi.IterationBatch;
import dev.servelab.hw.perf.operator.IterationShape;

import java.util.Arrays;

/**
 * Converts an engine batch into the performance model's {@link IterationShape} (prefill chunks and
 * decode contexts), reusing its arrays from one iteration to the next. A speculative verify entry
 * (a decode of {@code q = k + 1} tokens) is a decode entry at context {@code c + q - 1}: its attention
 * reads the whole cache once, as a decode kernel with several queries per sequence does (memory-bound
 * for small q); its extra rows in the linear layers are charged by {@link SpeculativeCost}.
 */
final class ShapeBuffer {
    private int[] prefillTokens = new int[64];
    private int[] prefillContext = new int[64];
    private boolean[] prefillEmits = new boolean[64];
    private int[] decodeContext = new int[256];

    IterationShape of(IterationBatch b) {
        int prefills = 0;
        int decodes = 0;
        for (int i = 0, n = b.size(); i < n; i++) {
            if (b.isPrefill(i)) {
                if (prefills == prefillTokens.length) growPrefill();
                prefillTokens[prefills] = b.newTokens(i);
                prefillContext[prefills] = b.contextTokens(i);
                prefillEmits[prefills++] = b.emitsToken(i);
            } else {
                if (decodes == decodeContext.length) decodeContext = Arrays.copyOf(decodeContext, decodes * 2);
                decodeContext[decodes++] = b.contextTokens(i) + b.newTokens(i) - 1;
            }
        }
        return new IterationShape(prefills, prefillTokens, prefillContext, prefillEmits, decodes, decodeContext);
    }

    private void growPrefill() {
        int n = prefillTokens.length * 2;
        prefillTokens = Arrays.copyOf(prefillTokens, n);
        prefillContext = Arrays.copyOf(prefillContext, n);
        prefillEmits = Arrays.copyOf(prefillEmits, n);
    }
}
