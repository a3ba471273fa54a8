package org.parax4j.engine.compile;

import java.util.Arrays;
import java.util.Objects;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;
import org.parax4j.module.Select;

/**
 * A module tree compiled into a {@link Layout} and structure-of-arrays buffers: the latent value of
 * every element, with physical and scaled values derived on demand.
 *
 * <p>Updating the flat vector is an array copy ({@link #withFlatValues}), not a tree rebuild; the
 * tree comes back with {@link #toModule()}. Immutable and thread-safe: every instance owns its
 * buffers and never exposes them.
 *
 * <pre>{@code
 * CompiledModel<Root> compiled = CompiledModel.compile(model);
 * CompiledModel<Root> moved = compiled.withFlatValues(optimiserStep);   // array copy
 * Root back = moved.toModule();                                         // equals model.withParams(optimiserStep)
 * }</pre>
 *
 * @param <M> the module type
 */
public final class CompiledModel<M extends Module<?>> {

    private final M template;
    private final Layout layout;
    private final double[] latent;

    private CompiledModel(M template, Layout layout, double[] latent) {
        this.template = template;
        this.layout = layout;
        this.latent = latent;
    }

    /**
     * Compiles {@code module}.
     *
     * @throws IllegalArgumentException when its names collide ({@link Module#validateParams()})
     */
    public static <M extends Module<?>> CompiledModel<M> compile(M module) {
        Layout layout = Layout.of(module);
        return new CompiledModel<>(module, layout, latentValues(module, layout));
    }

    /**
     * The latent value of every element of every parameter of {@code module}, fixed ones included,
     * in the order of {@code layout} ({@link Layout#of(Module)} of the same module). Allocates.
     */
    public static double[] latentValues(Module<?> module, Layout layout) {
        double[] latent = new double[layout.size()];
        int k = 0;
        for (var p : module.params(Select.all().includeFixed(true))) {
            for (int i = 0; i < p.size(); i++) {
                latent[k++] = p.latentValue(i);
            }
        }
        return latent;
    }

    /** The layout. */
    public Layout layout() {
        return layout;
    }

    /** Latent value of element {@code k}. */
    public double latent(int k) {
        return latent[k];
    }

    /** Physical value of element {@code k}: its transform applied to the latent value. */
    public double physical(int k) {
        return layout.transform(k).forward(latent[k]);
    }

    /** Scaled value of element {@code k}: physical · scale. */
    public double scaled(int k) {
        return physical(k) * layout.scale(k);
    }

    /**
     * Writes the flat vector (latent values of the free elements, in flat order) into {@code out}.
     *
     * @param out destination of length ≥ {@code layout().numFree()}. Modified.
     */
    public void flatValuesInto(double[] out) {
        Objects.requireNonNull(out, "out");
        int n = layout.numFree();
        if (out.length < n) {
            throw new IllegalArgumentException("out must hold " + n + " values, has " + out.length);
        }
        for (int f = 0; f < n; f++) {
            out[f] = latent[layout.freeElement(f)];
        }
    }

    /** The flat vector as a new array. */
    public double[] flatValues() {
        double[] out = new double[layout.numFree()];
        flatValuesInto(out);
        return out;
    }

    /** Physical values of all elements, in element order, into {@code out} (length ≥ size). */
    public void physicalInto(double[] out) {
        Objects.requireNonNull(out, "out");
        if (out.length < latent.length) {
            throw new IllegalArgumentException("out must hold " + latent.length + " values, has " + out.length);
        }
        for (int k = 0; k < latent.length; k++) {
            out[k] = physical(k);
        }
    }

    /**
     * A compiled model whose free elements take these latent values (fixed elements keep theirs).
     * One array copy; the receiver is unchanged. Bounds are checked when the tree is rebuilt.
     *
     * @param flat latent values of the free elements in flat order. Not modified.
     * @throws IllegalArgumentException when the length differs from {@code numFree()} (both given)
     *     or a value is not finite (its flat name given)
     */
    public CompiledModel<M> withFlatValues(double[] flat) {
        Objects.requireNonNull(flat, "flat");
        int n = layout.numFree();
        if (flat.length != n) {
            throw new IllegalArgumentException("the flat vector must hold " + n
                    + " latent values (one per free flat parameter), got " + flat.length);
        }
        double[] next = latent.clone();
        for (int f = 0; f < n; f++) {
            if (!Double.isFinite(flat[f])) {
                throw new IllegalArgumentException("latent value of '" + layout.elementNames().get(layout.freeElement(f))
                        + "' must be finite, got " + flat[f]);
            }
            next[layout.freeElement(f)] = flat[f];
        }
        return new CompiledModel<>(template, layout, next);
    }

    /** The module tree with this model's values: {@code template.withParams(flatValues())}. */
    public M toModule() {
        return Modules.sameType(template, template.withParams(flatValues()));
    }

    @Override
    public String toString() {
        return "CompiledModel" + layout.elementNames() + "=" + Arrays.toString(latent);
    }
}
