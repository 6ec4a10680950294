/**
 * The optional TornadoVM kernel backend: the same plain-Java kernels of
 * {@link dev.servelab.hw.kernels} wrapped in TornadoVM TaskGraphs and compiled by TornadoVM for a
 * GPU (or any OpenCL/PTX/SPIR-V device it finds), after Fumero et al., "Dynamic Application
 * Reconfiguration on Heterogeneous Hardware", VEE 2019 (TornadoVM, github.com/beehive-lab/TornadoVM).
 *
 * <p>Three layers, each one idea: {@link dev.servelab.hw.tornadovm.TornadoKernelBackendProvider} is
 * what {@link java.util.ServiceLoader} finds; it loads without TornadoVM and says, through its
 * probe, whether the JVM runs under TornadoVM ({@code tornado.load.runtime.implementation} is set)
 * and a device answers. {@link dev.servelab.hw.tornadovm.BucketedKernelBackend} rounds every
 * shape up to a power of two and stages the host arrays into stable, padded arrays, so a live run
 * whose batch shape changes every iteration reuses a few compiled TaskGraphs instead of compiling
 * new ones (the idea of vLLM's CUDA-graph capture sizes). {@link
 * dev.servelab.hw.tornadovm.TaskGraphKernelBackend} runs one TaskGraph per operation, cached by its
 * arrays and scalars, weights sent to the device once and activations every execution.
 *
 * <p>This module compiles against {@code tornado-api} in {@code provided} scope and is built only
 * by the root POM's {@code tornadovm} profile; see {@code docs/tornadovm.md}.
 */
package dev.servelab.hw.tornadovm;
