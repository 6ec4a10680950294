package dev.servelab.hw.kernels;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the index of a kernel's outer loop whose iterations are independent and may run in any
 * order, on any thread or device work-item.
 *
 * <p>This is ServeLab's own annotation (no TornadoVM dependency). TornadoVM honours it when the JVM
 * is started with {@code -Dtornado.load.annotation.parallel=dev.servelab.hw.kernels.Parallel}; the
 * JVM backend splits the annotated loop's range across a pool of CPU threads. Class retention keeps it in
 * the bytecode's local-variable type annotations (compile with {@code -g}).
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.LOCAL_VARIABLE, ElementType.PARAMETER})
public @interface Parallel {
}
