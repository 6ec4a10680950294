/**
 * Hostile-user tests across the whole build (issue 14): every class of bad input gives one line and
 * exit status 2 with nothing stored as completed ({@code BadInputCliTest}), a seeded fuzz test over
 * mutated sample pipelines and generated traces of every format ({@code InputFuzzTest}), and a
 * {@code servelab run} killed with SIGKILL that {@code runs list} then shows {@code interrupted}
 * ({@code KilledRunCliTest}). They live here because only this module sees every plugin.
 */
package dev.servelab.app.hardening;
