/**
 * Runs the loop-parallel kernels of {@code dev.servelab.hw.kernels} on the CPU: a
 * {@link dev.servelab.hw.jvm.cpu.KernelRunner} slices a kernel's {@code @Parallel} range across
 * threads (by default the calling thread plus spinning helpers, {@code SpinningKernelRunner}; decision
 * 0004), and {@link dev.servelab.hw.jvm.cpu.MatmulPath} picks the matmul, either the plain
 * kernel or a Vector API version of it ({@code jdk.incubator.vector}) that keeps several FMA
 * accumulators in flight so batch-1 decode runs at memory bandwidth. The same path runs attention's
 * two products over the paged KV cache ({@code q . K} and the weighted sum of {@code V}): the plain
 * kernels, or {@code VectorAttention}, which gives their results bit for bit.
 */
package dev.servelab.hw.jvm.cpu;
