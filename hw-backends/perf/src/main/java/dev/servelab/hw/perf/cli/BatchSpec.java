package dev.servelab.hw.perf.cli;

import dev.servelab.hw.perf.operator.IterationShape;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the command line's batch composition: {@code --prefill TOKENS[:CONTEXT]} chunks (each
 * emits a token: it is taken as a prompt's last chunk) and {@code --decode BATCH:CONTEXT} groups.
 * With neither, {@code --batch B --context L} means B decode sequences at context L, or
 * {@code --tokens N} alone one prefill of N tokens.
 */
final class BatchSpec {
    private BatchSpec() {}

    static IterationShape parse(List<String> prefill, List<String> decode, int tokens, int batch, int context) {
        if (prefill.isEmpty() && decode.isEmpty()) {
            if (context > 0) {
                return IterationShape.uniformDecode(batch, context);
            }
            return IterationShape.prefill(tokens);
        }
        int[] pt = new int[prefill.size()];
        int[] pc = new int[prefill.size()];
        boolean[] pe = new boolean[prefill.size()];
        for (int i = 0; i < pt.length; i++) {
            int[] v = pair(prefill.get(i), "--prefill", 0);
            pt[i] = v[0];
            pc[i] = v[1];
            pe[i] = true;
        }
        List<Integer> contexts = new ArrayList<>();
        for (String d : decode) {
            int[] v = pair(d, "--decode", -1);
            for (int i = 0; i < v[0]; i++) {
                contexts.add(v[1]);
            }
        }
        int[] dc = contexts.stream().mapToInt(Integer::intValue).toArray();
        return new IterationShape(pt.length, pt, pc, pe, dc.length, dc);
    }

    private static int[] pair(String text, String option, int defaultSecond) {
        String[] parts = text.split(":");
        try {
            int a = Integer.parseInt(parts[0].trim());
            int b = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : defaultSecond;
            if (a <= 0 || b < 0 || parts.length > 2) {
                throw new NumberFormatException();
            }
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects " + (defaultSecond < 0 ? "BATCH:CONTEXT" : "TOKENS[:CONTEXT]")
                    + " with positive numbers, got '" + text + "'");
        }
    }
}
