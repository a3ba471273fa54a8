package org.parax4j.engine.graph;

import org.parax4j.module.Module;

/**
 * The body of a model function, written once against {@link Recorder} and {@link Var}:
 * {@code (m, g) -> { Var gain = g.param(m.gain()); …; return y; }}. It is called once, by
 * {@link ModelFunction#record}, with the model being recorded.
 *
 * @param <M> the module type
 */
@FunctionalInterface
public interface ModelBody<M extends Module<?>> {

    /**
     * Records the function of {@code model} and returns its output.
     *
     * @param model the model; read its parameters through {@code g.param(...)}
     * @param g the recorder
     * @return the output value (any shape)
     */
    Var define(M model, Recorder g);
}
