/**
 * Trace-driven KV-cache replay without timing (like Caffeine's simulator, for prefix-block caches):
 * {@code servelab cache-replay} and the hit-ratio curve the workbench draws. The replay holds no
 * eviction logic of its own: each cache is the engine's {@link dev.servelab.engine.replica.KvCache}
 * with a registered {@code kv.*} plugin, driven as a replica drives it ({@link
 * dev.servelab.plugins.cachereplay.KvCacheReplay}), so a third party's eviction plugin is replayed like
 * the built-ins and a replay agrees with a simulated replica.
 */
package dev.servelab.plugins.cachereplay;
