package io.calendargateway.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a class) that door signs call: it takes a device key
 * ({@code X-Api-Key} or {@code Authorization: Bearer}) whose room patterns cover the path parameter named by
 * {@link #roomParameter()}, or an admin token. Every route without this or {@link PublicRoute} needs an admin token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DeviceRoute {

    /** The path parameter holding the room's mail address. */
    String roomParameter() default "mail";
}
