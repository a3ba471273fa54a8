package org.parax4j.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component (or a whole module type) whose name does not appear in parameter
 * names: the parameters below it are named as if they sat directly in the parent. A child with
 * an explicit name still contributes that name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Transparent {}
