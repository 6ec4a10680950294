package dev.servelab.engine.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a plugin's {@code Settings} record: the property sheet and the
 * validator read it. Values outside {@code [min, max]} are rejected with the node and field named.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Setting {
    String summary();

    /** Unit shown beside the value, e.g. {@code "ms"}, {@code "tokens"}, {@code "req/s"}. */
    String unit() default "";

    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;
}
