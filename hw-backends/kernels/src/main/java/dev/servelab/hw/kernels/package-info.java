/**
 * Transformer kernels written once, in plain Java, in loop-parallel style.
 *
 * <p>Every kernel is a static method over primitive arrays whose outer loop index carries ServeLab's
 * own {@link dev.servelab.hw.kernels.Parallel} annotation and runs over {@code [from, to)}. Inside:
 * plain arithmetic and {@code Math.*} only, no allocation, no objects, no exceptions; reductions
 * across work-items are split into two kernels. The JVM backend runs the same methods on slices of
 * the range on a pool of CPU threads; TornadoVM compiles them for a GPU with the full range. These
 * methods are the reference every faster path (the Vector API matmul) is tested against.
 */
package dev.servelab.hw.kernels;
