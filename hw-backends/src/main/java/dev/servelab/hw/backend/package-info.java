/**
 * Where the transformer's kernels run: the {@link dev.servelab.hw.backend.KernelBackend} seam
 * between the forward pass ({@link dev.servelab.hw.jvm.model.LlamaForward}) and the hardware.
 *
 * <p>Every backend runs the same plain-Java kernels of {@link dev.servelab.hw.kernels}: the JVM
 * backend ({@link dev.servelab.hw.backend.JvmKernelBackend}, always present and the reference)
 * slices each kernel's {@code @Parallel} loop over a pool of CPU threads; optional backends, such as the
 * TornadoVM one built by the {@code tornadovm} Maven profile (Fumero et al., "Dynamic Application
 * Reconfiguration on Heterogeneous Hardware", VEE 2019), compile the same methods for a GPU. Optional
 * backends are found at run time by {@link java.util.ServiceLoader} through
 * {@link dev.servelab.hw.backend.KernelBackendProvider}; {@link dev.servelab.hw.backend.KernelBackends}
 * does the lookup and survives providers whose libraries are missing.
 */
package dev.servelab.hw.backend;
