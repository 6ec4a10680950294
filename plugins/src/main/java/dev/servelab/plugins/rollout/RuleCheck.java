package dev.servelab.plugins.rollout;

import java.util.List;

/**
 * The outcome of one {@link GateRule}: whether it held, a line for people (on failure it names the
 * rule, the figures and the rounds) and the 1-based rounds that broke it (empty for a rule on means).
 */
public record RuleCheck(String metric, boolean passed, String message, List<Integer> brokenRounds) {
    public RuleCheck {
        brokenRounds = List.copyOf(brokenRounds);
    }

    static RuleCheck passed(String metric, String figures) {
        return new RuleCheck(metric, true, metric + ": holds: " + figures, List.of());
    }

    static RuleCheck failed(String metric, String message, List<Integer> brokenRounds) {
        return new RuleCheck(metric, false, message, brokenRounds);
    }
}
