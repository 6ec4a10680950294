/** Built-in admission policies (ids {@code admission.*}). */
package dev.servelab.plugins.admission;
