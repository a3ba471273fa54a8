package org.parax4j.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The default value of a parameter component: a free scalar parameter with this physical value
 * (or, when {@link #value()} has several entries, a free vector parameter). Used by
 * {@link Modules#create(Class)} and {@link Module#saveable()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    /** The default physical value(s). */
    double[] value();
}
