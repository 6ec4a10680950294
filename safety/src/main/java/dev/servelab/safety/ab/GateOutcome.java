package dev.servelab.safety.ab;

import dev.servelab.plugins.rollout.RuleCheck;

import java.util.List;

/** The gate's result over a comparison: every rule's check, and whether all held. */
public record GateOutcome(List<RuleCheck> checks) {
    public GateOutcome {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(RuleCheck::passed);
    }

    public List<RuleCheck> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
