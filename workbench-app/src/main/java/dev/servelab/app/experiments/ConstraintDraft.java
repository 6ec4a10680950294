package dev.servelab.app.experiments;

/** A constraint of the experiment being composed: a metric and its bound as typed ({@code p99_ttft_ms ≤ 500}). */
public record ConstraintDraft(String metric, String bound) {
}
