package org.parax4j.spark;

import java.io.Serializable;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;

/**
 * What a Spark job ships of a model: the name of a registered {@link ModelFactory} and the module
 * tree as JSON ({@link ModuleJson}, bit-exact). Only these two strings are serialised; the model
 * function is rebuilt on each executor. Immutable and thread-safe.
 *
 * @param factory the factory's name
 * @param json the module's JSON
 */
public record ModelSpec(String factory, String json) implements Serializable {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when either is null or blank
     */
    public ModelSpec {
        if (factory == null || factory.isBlank()) {
            throw new IllegalArgumentException("factory must not be null or blank, got " + factory);
        }
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("json must not be null or blank");
        }
    }

    /**
     * The spec of {@code model} for the factory named {@code factory} (the factory must be registered
     * here too: its module types are needed to save the model). Allocates the JSON.
     *
     * @throws IllegalArgumentException when {@code model} is null
     * @throws IllegalStateException when no such factory is registered in this JVM
     */
    public static ModelSpec of(String factory, Module<?> model) {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
        ModelFactories.find(factory);
        return new ModelSpec(factory, ModuleJson.save(model));
    }

    /** The module, loaded from JSON after the factory has registered its module types. */
    public Module<?> module() {
        ModelFactories.find(factory);
        try {
            return ModuleJson.load(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("model for factory '" + factory + "' cannot be loaded in this JVM: "
                    + e.getMessage() + ". The executor needs the module classes on its class path and registered "
                    + "(ModelFactory.moduleTypes or ModuleJson.register)", e);
        }
    }

    /**
     * The model function at inputs {@code x} (null: the factory's default inputs), rebuilt here.
     *
     * @throws IllegalStateException when this JVM lacks the factory or a module class (see
     *     {@link ModelFactories#find} and {@link #module()})
     */
    public ModelFunction<? extends Module<?>> function(double[] x) {
        return ModelFactories.find(factory).function(module(), x);
    }
}
