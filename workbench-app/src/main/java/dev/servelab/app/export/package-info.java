/**
 * Writing what a view shows to files the user picks — PNG snapshots of scenes and nodes, CSV text, and a
 * run as a Chrome-trace JSON for ui.perfetto.dev ({@link dev.servelab.app.export.ChromeTrace}) — on a background
 * thread when large, each confirmed with the file's path. A leaf package that any feature view may use (it
 * reads run data, and knows no feature and no shell).
 */
package dev.servelab.app.export;
