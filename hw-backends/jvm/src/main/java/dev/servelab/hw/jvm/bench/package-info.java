/**
 * Benchmarks of the JVM backend, run as {@code main} classes (not unit tests): decode tokens per
 * second on the generated models at several batch sizes, and the machine's streaming-read memory
 * bandwidth that bounds batch-1 decode. Results go to {@code docs/PERFORMANCE.md}.
 */
package dev.servelab.hw.jvm.bench;
