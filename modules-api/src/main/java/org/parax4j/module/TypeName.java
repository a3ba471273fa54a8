package org.parax4j.module;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name under which a module type is written to JSON and found again on load
 * ({@link ModuleCodec}); without it the type's simple name is used. Declare one when the simple
 * name is common ({@code Resonator}) or the class may be renamed or moved:
 * {@code @TypeName("acme.Resonator") public record Resonator(...) implements Module<Resonator> {}}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TypeName {

    /** The name; not empty. */
    String value();
}
