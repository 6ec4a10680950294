/** Built-in trace readers (ids {@code trace.*}); each streams its file and names file and line on bad input. */
package dev.servelab.plugins.trace;
