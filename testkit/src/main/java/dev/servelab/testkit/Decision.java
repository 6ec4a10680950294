package dev.servelab.testkit;

/**
 * One thing a batch scheduler did to a plan: which sequence, what, and how many tokens it scheduled
 * (1 for a decode, the chunk for a prefill, 0 for a preemption or swap-out).
 */
public record Decision(Kind kind, long sequenceId, int tokens) {
    /** The plan operations a scheduler can take. */
    public enum Kind { DECODE, PREFILL, PREEMPT, SWAP_OUT }

    public static Decision decode(long id) {
        return new Decision(Kind.DECODE, id, 1);
    }

    public static Decision prefill(long id, int tokens) {
        return new Decision(Kind.PREFILL, id, tokens);
    }

    public static Decision preempt(long id) {
        return new Decision(Kind.PREEMPT, id, 0);
    }

    public static Decision swapOut(long id) {
        return new Decision(Kind.SWAP_OUT, id, 0);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + sequenceId + (kind == Kind.PREFILL ? ", " + tokens : "") + ")";
    }
}
