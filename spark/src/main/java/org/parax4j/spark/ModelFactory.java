package org.parax4j.spark;

import java.util.List;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Module;

/**
 * Turns a module (loaded from JSON on an executor) into the model function Spark jobs evaluate: the
 * way models travel without Java serialisation of lambdas. A job carries a {@link ModelSpec} (the
 * factory's {@link #name()} and the module's JSON); each executor looks the factory up in
 * {@link ModelFactories} and calls {@link #function}.
 *
 * <p>Implementations are found on executors through {@link java.util.ServiceLoader}: list the class
 * in {@code META-INF/services/org.parax4j.spark.ModelFactory} of the jar shipped with
 * {@code --jars}, or call {@link ModelFactories#register} in code that runs on every executor.
 * They must be stateless and thread-safe, with a public no-argument constructor.
 */
public interface ModelFactory {

    /** The name jobs refer to; unique among registered factories. */
    String name();

    /**
     * Module types the factory's models are made of; registered with
     * {@link org.parax4j.module.ModuleJson#register(Class)} before a model is loaded. Default: none.
     */
    default List<Class<? extends Module<?>>> moduleTypes() {
        return List.of();
    }

    /**
     * The model function of {@code model} at inputs {@code x}.
     *
     * @param model the module loaded from the job's JSON
     * @param x the inputs (e.g. one group's frequencies in a per-group fit), or null for the
     *     factory's default inputs (Monte Carlo)
     * @return a recorded function; allocates it
     * @throws IllegalArgumentException when {@code model} is not of the factory's type or {@code x}
     *     is unusable; the message names both
     */
    ModelFunction<? extends Module<?>> function(Module<?> model, double[] x);
}
