package dev.servelab.hw.kernels;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the index of a kernel's outer loop whose iterations are independent and may run in any
 * order, on any thread or device work-item.
 *
 * <p>This is ServeLab's own annotation (no TornadoVM dependency), documentation for readers: javac
 * does not write local-variable declaration annotations into class files. The JVM backend splits the
 * loop's range across a pool of CPU threads; TornadoVM does not read this annotation (its parallelizer
 * also needs a loop starting at a constant), so {@code hw-backends-tornadovm} calls each kernel from a
 * loop of its own carrying TornadoVM's {@code @Parallel} (see docs/tornadovm.md).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.LOCAL_VARIABLE, ElementType.PARAMETER})
public @interface Parallel {
}
