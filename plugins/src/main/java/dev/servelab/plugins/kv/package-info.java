/** Built-in KV-cache eviction policies (ids {@code kv.*}). */
package dev.servelab.plugins.kv;
