package org.bangfu.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How one REST API words the errors it shares with others, where its callers read a message of their own (the task
 * endpoints name "task, case or notice" for anything not found). {@link ApiErrors} answers with these; an empty value
 * leaves the error's own message.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiMessages {

    /** The message for anything not found ({@link NotFound}). */
    String notFound() default "";

    /** The message for a write based on an old version ({@link StaleVersion}). */
    String stale() default "";

    /**
     * The message for a refused permission (403), unless the refusal names its own ({@link Keyed}); empty: the API
     * leaves refusals to Spring Security, as the others do.
     */
    String accessDenied() default "";

    /** The errors whose message these words replace; none named: every error of the kind. */
    Class<? extends RuntimeException>[] of() default {};

    /** A refusal of permission that names its own message. */
    interface Keyed {

        String messageKey();
    }
}
