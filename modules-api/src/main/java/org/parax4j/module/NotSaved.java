package org.parax4j.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that {@link Module#saveable()} resets to its default (caches,
 * compiled state). Such components are not written by {@link ModuleJson#save}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotSaved {}
