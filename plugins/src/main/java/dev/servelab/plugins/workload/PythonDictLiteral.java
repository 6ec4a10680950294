package dev.servelab.plugins.workload;

/**
 * Parses the Python dict literals in which ServeGen writes its probability mass functions,
 * {@code {39: 0.00036, 40: 0.00018, …}}: numeric keys and values only, no nesting.
 */
final class PythonDictLiteral {
    private PythonDictLiteral() {
    }

    /** Keys in row 0 and values in row 1, in the literal's order. */
    static double[][] parse(String literal) {
        String s = literal.strip();
        if (!s.startsWith("{") || !s.endsWith("}")) throw new IllegalArgumentException("not a dict literal: " + abbreviate(s));
        String body = s.substring(1, s.length() - 1).strip();
        if (body.isEmpty()) return new double[2][0];
        String[] items = body.split(",");
        double[][] out = new double[2][items.length];
        for (int i = 0; i < items.length; i++) {
            int colon = items[i].indexOf(':');
            if (colon < 0) throw new IllegalArgumentException("entry " + i + " has no ':': " + abbreviate(items[i]));
            try {
                out[0][i] = Double.parseDouble(items[i].substring(0, colon).strip());
                out[1][i] = Double.parseDouble(items[i].substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("entry " + i + " is not 'number: number': " + abbreviate(items[i]));
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
