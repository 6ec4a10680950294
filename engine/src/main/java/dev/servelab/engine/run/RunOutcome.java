package dev.servelab.engine.run;

import dev.servelab.engine.store.RunStatus;

import java.util.Map;

/** How a run ended: its id in the store, its status and (when completed) the summary in vLLM's keys. */
public record RunOutcome(long runId, RunStatus status, Map<String, Object> summary, String error) {
}
