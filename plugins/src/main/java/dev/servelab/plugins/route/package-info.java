/** Built-in routers (cluster-level policies, ids {@code route.*}). */
package dev.servelab.plugins.route;
