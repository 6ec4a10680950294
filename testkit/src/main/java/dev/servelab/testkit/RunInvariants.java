package dev.servelab.testkit;

import dev.servelab.engine.model.ClusterEvent;
import dev.servelab.engine.model.ClusterEventKind;
import dev.servelab.engine.replica.Sequence;

/**
 * The end-of-run invariants every correct policy keeps, checked after each {@link ReplicaRun} and
 * {@link PipelineScenario}: every request is accounted for (completed, or rejected or failed with a
 * reason), no KV block is still held (except by a replica that crashed: its cache was dropped), and the tokens add up.
 */
final class RunInvariants {
    private RunInvariants() {
    }

    static void checkReplica(ReplicaRun run) {
        int finished = run.finished().size();
        int refused = run.refused().size();
        check(finished + refused == run.submitted(), run.submitted() + " requests submitted, " + finished + " finished and "
                + refused + " refused: the rest are stuck");
        for (String why : run.refused()) check(why != null && !why.isBlank(), "a request was refused without a reason");
        check(run.replica().waiting().isEmpty() && run.replica().running().isEmpty(), "queues not empty at the end: "
                + run.replica().waiting().size() + " waiting, " + run.replica().running().size() + " running");
        check(run.kvCache().usedBlocks() == 0, run.kvCache().usedBlocks() + " KV blocks still held at the end (leaked)");
        long minimum = 0;
        int preemptions = 0;
        for (Sequence s : run.finished()) {
            int output = s.request().outputTokens();
            check(s.generatedTokens() == output, "request " + s.id() + " generated " + s.generatedTokens() + " of " + output + " tokens");
            check(s.tokenTimes().size() == output, "request " + s.id() + " emitted " + s.tokenTimes().size() + " token times for "
                    + output + " tokens");
            check(s.preemptionTimes().size() == s.preemptions(), "request " + s.id() + ": preemption count and times disagree");
            minimum += s.request().promptTokens() + output - 1 - s.totalCachedTokens();
            preemptions += s.preemptions();
        }
        int reported = run.iterations().stream().mapToInt(ReplicaRun.Iteration::preemptions).sum();
        check(reported == preemptions, "iterations report " + reported + " preemptions, sequences " + preemptions);
        long computed = run.totalPrefillTokens() + (long) run.totalDecodeTokens();
        boolean recomputed = run.iterations().stream().anyMatch(i -> i.decisions().stream()
                .anyMatch(d -> d.kind() == Decision.Kind.PREEMPT));
        check(recomputed ? computed >= minimum : computed == minimum, "token accounting: " + computed
                + " tokens computed, prompts + outputs - 1 - cache hits = " + minimum);
    }

    static void checkPipeline(PipelineResult result, int requests) {
        checkPipeline(result, requests, 0);
    }

    /** As above, the first {@code warmup} requests (ids below it) served but left out of the summary. */
    static void checkPipeline(PipelineResult result, int requests, long warmup) {
        java.util.List<PipelineResult.Row> users = result.rows().values().stream()
                .filter(r -> r.id() < dev.servelab.engine.spi.Router.SHADOW_ID_OFFSET).toList();
        check(users.size() == requests, users.size() + " request rows for " + requests + " requests");
        long prompt = 0;
        long output = 0;
        for (PipelineResult.Row r : result.rows().values()) {
            boolean completed = "completed".equals(r.status());
            boolean explained = r.reason() != null && !r.reason().isBlank();
            boolean rejected = "rejected".equals(r.status()) && explained;
            boolean failed = "failed".equals(r.status()) && explained;
            check(completed || rejected || failed, "request " + r.id() + " ended " + r.status() + " (reason: " + r.reason() + ")");
            if (completed && r.id() >= warmup && r.id() < dev.servelab.engine.spi.Router.SHADOW_ID_OFFSET) {
                prompt += r.promptTokens();
                output += r.outputTokens();
                check(r.firstTokenNs() >= r.arrivalNs() && r.finishNs() >= r.firstTokenNs(), "request " + r.id()
                        + ": arrival, first token and finish out of order");
            }
        }
        long failed = result.summary().get("failed") instanceof Number n ? n.longValue() : 0;
        check(result.count("completed") + result.count("rejected") + failed == requests - warmup, "summary counts "
                + result.count("completed") + " completed, " + result.count("rejected") + " rejected and " + failed
                + " failed of " + requests + (warmup > 0 ? " less " + warmup + " warmup" : ""));
        check(result.count("total_input_tokens") == prompt, "summary has " + result.count("total_input_tokens")
                + " input tokens, the completed rows " + prompt);
        check(result.count("total_output_tokens") == output, "summary has " + result.count("total_output_tokens")
                + " output tokens, the completed rows " + output);
        java.util.Set<Integer> crashed = new java.util.HashSet<>();
        for (ClusterEvent e : result.events()) if (e.kind() == ClusterEventKind.REPLICA_CRASHED) crashed.add(e.replica());
        result.finalKvUsedBlocks().forEach((replica, used) -> check(used == 0 || crashed.contains(replica),
                "replica " + replica + " still holds " + used + " KV blocks after its last iteration (leaked)"));
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new AssertionError(message);
    }
}
