package io.vigil.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets a class or method use an API the build's forbidden-API check refuses, such as the JDK's
 * supported {@code com.sun.net.httpserver}. Every use says why.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD })
public @interface SuppressForbidden {

	/** Why the API is the right one here. */
	String reason();
}
