/**
 * The prefix-cache hit map: hit ratio per replica and time bucket as a heat map, KV-cache usage over time, and
 * the requests scheduled in the clicked cell.
 */
package dev.servelab.app.cache;
