/** Built-in batch schedulers (replica-level policies, ids {@code batch.*}). */
package dev.servelab.plugins.batch;
