/**
 * The kernel backends the JVM transformer runs on: {@link dev.servelab.hw.jvm.backend.JvmKernelBackend},
 * the always-present reference that slices each kernel's {@code @Parallel} loop over CPU threads
 * (with the Vector API matmul of {@link dev.servelab.hw.jvm.cpu}), and
 * {@link dev.servelab.hw.jvm.backend.KernelBackends}, which finds optional backends
 * ({@link dev.servelab.hw.backend.KernelBackendProvider}, e.g. TornadoVM's) with
 * {@link java.util.ServiceLoader} and survives providers whose libraries are missing. The SPI itself
 * is {@link dev.servelab.hw.backend} in the kernels module.
 */
package dev.servelab.hw.jvm.backend;
