/**
 * ServeLab's engine: the domain model, the discrete-event loop, the pipeline model and its
 * validation, the policy and executor SPIs, metrics with vLLM {@code bench serve} definitions, the
 * SQLite run store and the command line. The engine knows nothing about screens or hardware
 * backends: policies, trace readers and executors are plugins found with {@link java.util.ServiceLoader}.
 */
package dev.servelab.engine;
