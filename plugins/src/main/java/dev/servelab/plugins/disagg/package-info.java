/** Prefill/decode disaggregation (Splitwise, DistServe): routers that place the two phases on separate pools. */
package dev.servelab.plugins.disagg;
