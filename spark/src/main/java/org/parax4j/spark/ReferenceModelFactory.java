package org.parax4j.spark;

import java.util.List;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Module;

/**
 * The reference model (SPEC §11) as a {@link ModelFactory} named {@value #NAME}: the resonator
 * response in dB at {@code x} (GHz), or at the 200 reference frequencies when {@code x} is null.
 * Registered through {@link java.util.ServiceLoader}. Stateless and thread-safe.
 */
public final class ReferenceModelFactory implements ModelFactory {

    /** The factory's name. */
    public static final String NAME = "reference";

    /** Creates the factory (the service loader calls this). */
    public ReferenceModelFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Class<? extends Module<?>>> moduleTypes() {
        return List.of(ReferenceModel.class, ReferenceModel.Resonator.class, ReferenceModel.Discrepancy.class);
    }

    @Override
    public ModelFunction<? extends Module<?>> function(Module<?> model, double[] x) {
        if (!(model instanceof ReferenceModel m)) {
            throw new IllegalArgumentException("factory '" + NAME + "' needs a ReferenceModel, got "
                    + (model == null ? "null" : model.getClass().getName()));
        }
        return ModelFunction.record(m, ReferenceModel.body(x == null ? ReferenceModel.frequencies() : x));
    }
}
