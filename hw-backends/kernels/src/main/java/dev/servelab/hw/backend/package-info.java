/**
 * The kernel backend SPI: the {@link dev.servelab.hw.backend.KernelBackend} seam between the
 * transformer's forward pass (module {@code hw-backends/jvm}) and the hardware, with
 * {@link dev.servelab.hw.backend.KernelBackendProvider} for backends found at run time and
 * {@link dev.servelab.hw.backend.BackendProbe} for whether one can run here.
 *
 * <p>Every backend runs the same plain-Java kernels of {@link dev.servelab.hw.kernels}: the JVM
 * backend ({@code dev.servelab.hw.jvm.backend.JvmKernelBackend}, always present and the reference)
 * slices each kernel's {@code @Parallel} loop over a pool of CPU threads; optional backends, such as the
 * TornadoVM one built by the {@code tornadovm} Maven profile (Fumero et al., "Dynamic Application
 * Reconfiguration on Heterogeneous Hardware", VEE 2019), compile the same methods for a GPU. Optional
 * backends are found by {@link java.util.ServiceLoader} through {@link
 * dev.servelab.hw.backend.KernelBackendProvider} ({@code dev.servelab.hw.jvm.backend.KernelBackends}
 * does the lookup). This package and {@link dev.servelab.hw.kernels} are all an optional backend
 * module needs.
 */
package dev.servelab.hw.backend;
