package dev.servelab.engine.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a policy, trace reader, workload generator or executor class as a ServeLab plugin.
 *
 * <p>A plugin is one class that implements one SPI interface ({@link Router}, {@link BatchScheduler},
 * {@link EvictionPolicy}, {@link AdmissionPolicy}, {@link WorkloadGenerator}, {@link TraceReader},
 * {@link Executor}), is listed in {@code META-INF/services/<that interface>}, has a public no-argument
 * constructor (required by {@link java.util.ServiceLoader}; it uses the defaults) and, if it has
 * settings, a nested {@code record Settings} with a public no-argument constructor giving the defaults
 * and a public constructor of the plugin taking {@code (Settings)} or {@code (Settings, PluginContext)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Plugin {
    /** Stable id, {@code kind.kebab-name} (e.g. {@code route.least-outstanding}); never changes. */
    String id();

    /** One line shown in {@code servelab plugins}, the palette and the property sheet. */
    String summary();

    /** The paper or system the policy comes from, if any. */
    String source() default "";
}
