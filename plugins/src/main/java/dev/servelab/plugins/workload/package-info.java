/** Built-in synthetic workload generators (ids {@code workload.*}); seeded and reproducible. */
package dev.servelab.plugins.workload;
