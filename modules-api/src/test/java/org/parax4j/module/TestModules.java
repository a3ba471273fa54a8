package org.parax4j.module;

import java.util.List;
import java.util.Map;
import org.parax4j.distribution.Normal;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** Small module types shared by the module unit tests, registered with {@link ModuleJson}. */
final class TestModules {

    private TestModules() {}

    /** Two scalar parameters with defaults. */
    public record Pair(@Default(0) Parameter loc, @Default(1) Parameter scale, Meta meta) implements Module<Pair> {}

    /** One parameter. */
    public record Leaf(@Default(1) Parameter w, Meta meta) implements Module<Leaf> {}

    /** A module type that is transparent wherever it appears. */
    @Transparent
    public record Invisible(@Default(5) Parameter t, Meta meta) implements Module<Invisible> {}

    /** Every kind of child: transparent field, transparent type, list, map, parameter list and map, vector. */
    public record Holder(@Transparent Pair hidden, Pair shown, Invisible invisible, List<Leaf> layers,
            Map<String, Leaf> named, List<Parameter> weights, Map<String, Parameter> coeffs, Parameter vec, Meta meta)
            implements Module<Holder> {}

    /** A module without a Meta component. */
    public record Bare(@Default(2) Parameter x) implements Module<Bare> {}

    /** A module with static data and a component that is not saved. */
    public record Cached(@Default(1) Parameter p, @NotSaved @Default(7) Parameter scratch, @NotSaved String cache,
            int count, List<String> tags, Meta meta) implements Module<Cached> {}

    /** Root holding a Bare child (no Meta below). */
    public record BareParent(Bare bare, Pair pair, Meta meta) implements Module<BareParent> {}

    /** y = a·x² model for the numerics tests. */
    public record Square(@Default(2) Parameter a, Meta meta) implements Module<Square> {}

    static {
        List.of(Pair.class, Leaf.class, Invisible.class, Holder.class, Bare.class, Cached.class, BareParent.class,
                Square.class).forEach(ModuleJson::register);
    }

    /** Ensures the static registration ran. */
    static void register() {}

    /** A parameter with value {@code v} and a Normal(v, 1) distribution. */
    static Parameter normal(double v) {
        return Parameter.builder().value(v).distribution(new Normal(v, 1)).build();
    }

    /**
     * The holder used throughout: names in order are
     * {@code loc, scale, shown_loc, shown_scale, t, layers_0_w, first_w, named_k_w, weights_0, bias,
     * coeffs_c1, vec}; {@code shown_scale} is fixed; the first layer is named {@code first}.
     */
    static Holder holder() {
        register();
        Pair hidden = new Pair(normal(1), normal(2), Meta.NONE);
        Pair shown = new Pair(normal(3), Parameters.fixed(4), Meta.NONE);
        Invisible invisible = new Invisible(normal(5), Meta.NONE);
        List<Leaf> layers = List.of(new Leaf(normal(6), Meta.NONE), new Leaf(normal(7), Meta.named("first")));
        Map<String, Leaf> named = Map.of("k", new Leaf(normal(8), Meta.NONE));
        List<Parameter> weights = List.of(normal(9), normal(10).withName("bias"));
        Map<String, Parameter> coeffs = Map.of("c1", normal(11));
        Parameter vec = Parameter.builder().value(new double[] {12, 13}).distribution(new Normal(0, 10)).build();
        return new Holder(hidden, shown, invisible, layers, named, weights, coeffs, vec, Meta.NONE);
    }
}
