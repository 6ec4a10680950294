/**
 * Trace-driven KV-cache replay without timing (like Caffeine's simulator, for prefix-block caches):
 * {@code servelab cache-replay} and the hit-ratio curve the workbench draws.
 */
package dev.servelab.plugins.cachereplay;
