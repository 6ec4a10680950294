/**
 * Behaviour pinned by golden files: every simulated sample pipeline (and every built-in policy on one
 * of them) gives, byte for byte, the summary that the code before a refactor gave. The golden files and
 * the script that made them are in {@code src/test/resources/golden/}.
 */
package dev.servelab.app.golden;
