package uk.mentoring.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may make a request at all. Checked before the request's body is read: someone
 * whose role may never do this hears so first, not what their body lacks. Which pairing or
 * school they may act on is checked afterwards, by the endpoint, as before.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ForRoles {

    /** Any one of these will do. */
    Role[] value();

    /** What the request does, to begin the refusal: "Recording a meeting". */
    String doing();
}
