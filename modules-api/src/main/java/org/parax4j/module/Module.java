package org.parax4j.module;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;
import org.parax4j.param.Parameter;

/**
 * An immutable node of a parametric model: a record whose components are its fields.
 *
 * <p>Components of type {@link Parameter} are parameters; components of a {@code Module} type,
 * and {@code List}s or {@code Map<String, …>}s of modules or parameters, are children; one
 * component of type {@link Meta} carries the optional explicit name and parameter groups; every
 * other component is static data. The structure of each record type is discovered once and
 * cached. Defining a module is as short as this:
 *
 * <pre>{@code
 * public record Affine(@Default(0) Parameter loc, @Default(1) Parameter scale, Meta meta)
 *         implements Module<Affine> {}
 * }</pre>
 *
 * <p><b>Names</b> follow SPEC §5 (see {@link Tree}): path from the root joined by {@code _};
 * explicit names replace field names; transparent fields contribute nothing; list elements
 * contribute their index, map entries their key. <b>Flat names</b> add {@code _i} (row-major) to
 * vector parameters, or use the elements' own names. Order is depth-first in declaration order
 * everywhere, and the flat vector follows it.
 *
 * <p><b>Visibility.</b> Inspections see free parameters only unless {@code includeFixed}; the
 * fix/free rewrites see fixed ones by default. Every {@code with*} method returns a new tree and
 * leaves the receiver unchanged; a failed call changes nothing.
 *
 * <p><b>Typed rewrites.</b> {@code M} is the module's own type ({@code record Resonator(…)
 * implements Module<Resonator>}), so every rewrite returns it at compile time:
 * {@code Resonator r2 = r.withParams(v)} needs no cast, and {@code RBFKernel k = r.withParams(v)}
 * does not compile. A record naming another type, or a raw {@code Module}, is refused on first use.
 * Code over any module writes {@code Module<?>}; generic code over {@code M extends Module<?>} types
 * a rewrite with {@link Modules#sameType}. Why a self type: covariant overrides would cost every
 * module type some forty methods, and a static facade ({@code Modules.withParams(r, v)}) would leave
 * the seed's instance methods untyped; the self type costs one type argument per record.
 *
 * @param <M> this module's own record type
 */
public interface Module<M extends Module<M>> {

    // ---------------------------------------------------------------- structure

    /** The immediate child modules (list and map elements included), in declaration order. */
    default List<Module<?>> children() {
        return Tree.children(this);
    }

    /** All nested modules, depth-first, excluding this one. */
    default List<Module<?>> submodules() {
        return Tree.nodes(this).stream().skip(1).map(Tree.Node::module).toList();
    }

    /** Nested modules, depth-first, excluding this one, by dotted field path ({@code "a.b"}, indices, keys). */
    default Map<String, Module<?>> namedSubmodules() {
        Map<String, Module<?>> out = new java.util.LinkedHashMap<>();
        Tree.nodes(this).stream().skip(1).forEach(n -> out.put(n.path(), n.module()));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The object at a dotted field path below this module: a submodule, parameter, list, map or
     * data value.
     *
     * @throws IllegalArgumentException when a step names no field, index or key (naming the step and
     *     the closest choices)
     */
    default Object at(String dottedPath) {
        return Paths.get(this, dottedPath);
    }

    /** A structurally equal copy (modules are immutable, so this is rarely needed). */
    default M copy() {
        return own(Structure.copy(this));
    }

    /** This module's explicit name, or {@code null}. */
    default @Nullable String moduleName() {
        return ModuleType.of(this).meta(this).name();
    }

    /** This module's own explicit parameter groups (names relative to it). */
    default List<ParameterGroup> explicitParamGroups() {
        return ModuleType.of(this).meta(this).groups();
    }

    // ---------------------------------------------------------------- inspection

    /**
     * (name, parameter) pairs in tree order; with {@code flatten}, one scalar parameter per element
     * keyed by flat name.
     */
    default List<Map.Entry<String, Parameter>> iterParams(Select select, boolean flatten) {
        return Inspect.iter(this, select, flatten);
    }

    /** Free parameters by name, in tree order. */
    default Map<String, Parameter> namedParams() {
        return namedParams(Select.all());
    }

    /** Selected parameters by name, in tree order. */
    default Map<String, Parameter> namedParams(Select select) {
        return Inspect.named(this, select, false);
    }

    /** Names of the free parameters. */
    default List<String> paramNames() {
        return paramNames(Select.all());
    }

    /** Names of the selected parameters. */
    default List<String> paramNames(Select select) {
        return List.copyOf(namedParams(select).keySet());
    }

    /**
     * The parameter called {@code name}, fixed or free.
     *
     * @throws IllegalArgumentException naming the closest names when there is none
     */
    default Parameter param(String name) {
        return Inspect.param(this, name);
    }

    /** The free parameters. */
    default List<Parameter> params() {
        return params(Select.all());
    }

    /** The selected parameters. */
    default List<Parameter> params(Select select) {
        return List.copyOf(namedParams(select).values());
    }

    /** Physical (or, with {@code scaled}, scaled) values of the free parameters by name. */
    default Map<String, double[]> namedParamValues(boolean scaled) {
        return namedParamValues(Select.all(), scaled);
    }

    /** Physical (or scaled) values of the selected parameters by name. */
    default Map<String, double[]> namedParamValues(Select select, boolean scaled) {
        return Inspect.values(this, select, scaled);
    }

    /** Physical value of the parameter called {@code name}, fixed or free. Allocates the array. */
    default double[] paramValue(String name) {
        return param(name).value();
    }

    /** Physical values of the free parameters, in order. */
    default List<double[]> paramValues() {
        return paramValues(Select.all());
    }

    /** Physical values of the selected parameters, in order. */
    default List<double[]> paramValues(Select select) {
        return List.copyOf(namedParamValues(select, false).values());
    }

    /** Free flat parameters (one scalar parameter per element) by flat name. */
    default Map<String, Parameter> namedFlatParams() {
        return namedFlatParams(Select.all());
    }

    /** Selected flat parameters by flat name. */
    default Map<String, Parameter> namedFlatParams(Select select) {
        return Inspect.named(this, select, true);
    }

    /** Flat names of the free parameters, in flat-vector order. */
    default List<String> flatParamNames() {
        return flatParamNames(Select.all());
    }

    /** Flat names of the selected parameters. */
    default List<String> flatParamNames(Select select) {
        return List.copyOf(namedFlatParams(select).keySet());
    }

    /** The free flat parameters. */
    default List<Parameter> flatParams() {
        return flatParams(Select.all());
    }

    /** The selected flat parameters. */
    default List<Parameter> flatParams(Select select) {
        return List.copyOf(namedFlatParams(select).values());
    }

    /** Physical (or scaled) value of every free flat parameter by flat name. */
    default Map<String, Double> namedFlatParamValues(boolean scaled) {
        return namedFlatParamValues(Select.all(), scaled);
    }

    /** Physical (or scaled) value of every selected flat parameter by flat name. */
    default Map<String, Double> namedFlatParamValues(Select select, boolean scaled) {
        return Inspect.flatValues(this, select, scaled);
    }

    /**
     * The flat vector: <b>latent</b> values of the free parameters in flat order, the same space
     * that {@link #withParams(double[])} takes, so {@code m.withParams(m.flatParamValues())}
     * equals {@code m}. Physical values by name are {@link #namedFlatParamValues(boolean)}.
     */
    default double[] flatParamValues() {
        return flatParamValues(Select.all());
    }

    /** Latent values of the selected parameters in flat order. */
    default double[] flatParamValues(Select select) {
        return Inspect.latentVector(this, select);
    }

    /** Number of free parameters. */
    default int numParams() {
        return Inspect.named(this, Select.all(), false).size();
    }

    /** Number of free flat parameters (the length of the flat vector). */
    default int numFlatParams() {
        return Inspect.named(this, Select.all(), true).size();
    }

    /**
     * The parameter name of the parameter at a dotted field path, e.g.
     * {@code "quadratic.a"} → {@code "quadratic_a"}, applying transparency and explicit names.
     */
    default String pathToParamName(String dottedPath) {
        return Inspect.pathToParamName(this, dottedPath);
    }

    /**
     * Checks that parameter names and flat names are unique and that every explicit group names
     * existing flat parameters.
     *
     * @throws IllegalArgumentException listing every collision and dangling group name in one message
     */
    default void validateParams() {
        Inspect.validate(this);
    }

    // ---------------------------------------------------------------- groups and distributions

    /** {@link #paramGroups(boolean, boolean)} of the free parameters, singletons included. */
    default List<ParameterGroup> paramGroups() {
        return paramGroups(false, false);
    }

    /**
     * The groups relevant to this module: its own explicit groups that touch a visible parameter,
     * then each submodule's groups lifted with the submodule's prefix, a parameter belonging to the
     * first group that claims it (parents win; a lifted group sharing a claimed parameter is
     * dropped whole). Unless {@code explicitOnly}, a vector parameter with a joint distribution
     * (e.g. a multivariate normal) becomes one group of its elements, and every remaining visible
     * flat parameter becomes a singleton group carrying its own (element) distribution, or none.
     */
    default List<ParameterGroup> paramGroups(boolean includeFixed, boolean explicitOnly) {
        return Groups.paramGroups(this, includeFixed, explicitOnly);
    }

    /**
     * The joint distribution of the free parameters over their groups.
     *
     * @throws IllegalArgumentException when {@link #validateParams()} fails: colliding names, or an
     *     explicit group naming an unknown flat parameter (named, with the closest names)
     */
    default ModuleDistribution distribution() {
        return new ModuleDistribution(this);
    }

    // ---------------------------------------------------------------- parameter rewrites

    /**
     * Sets the <b>latent</b> values of all free parameters from a flat vector in flat order.
     *
     * @throws IllegalArgumentException when the length is not {@link #numFlatParams()} (both given)
     */
    default M withParams(double[] latentFlatValues) {
        return own(ParamRewrites.withFlat(this, latentFlatValues));
    }

    /** {@link #withParams(Map, ParamUpdate)} with the seed's defaults. */
    default M withParams(Map<String, ?> updates) {
        return withParams(updates, ParamUpdate.DEFAULTS);
    }

    /**
     * Updates parameters by name. Keys are parameter names or flat names (element updates); values
     * are {@link Parameter}s (replace; the old explicit name is kept if the new one has none) or
     * physical values ({@code Number} or {@code double[]}).
     *
     * <p>The result does not depend on the map's iteration order: keys are applied in sorted order,
     * and a map that sets both a whole parameter and one of its elements ({@code "w"} and
     * {@code "w_1"}) is rejected, naming both keys, since the two would overwrite each other.
     *
     * @throws IllegalArgumentException for a null key, an unknown key (with the closest names), a
     *     whole key and element key of the same parameter, or an invalid value (naming the key)
     */
    default M withParams(Map<String, ?> updates, ParamUpdate options) {
        return own(ParamRewrites.withMap(this, updates, options));
    }

    /**
     * The seed's general form with a flat vector: {@code latentFlatValues} as in
     * {@link #withParams(double[])}; {@code named} ("keyword arguments") must then be empty or null.
     *
     * @throws IllegalArgumentException when an array and named updates are given together
     */
    default M withParams(double[] latentFlatValues, @Nullable Map<String, ?> named, ParamUpdate options) {
        return own(ParamRewrites.withAny(this, java.util.Objects.requireNonNull(latentFlatValues, "latentFlatValues"),
                named, options));
    }

    /**
     * The seed's general form with a map: {@code updates} and then {@code named} ("keyword
     * arguments", may be null) applied as one map, as in {@link #withParams(Map, ParamUpdate)}.
     */
    default M withParams(Map<String, ?> updates, @Nullable Map<String, ?> named, ParamUpdate options) {
        return own(ParamRewrites.withAny(this, java.util.Objects.requireNonNull(updates, "updates"), named, options));
    }

    /** Applies {@code mapper} to every free parameter. */
    default M withMappedParams(UnaryOperator<Parameter> mapper) {
        return withMappedParams(mapper, Select.all(), null);
    }

    /**
     * Applies {@code mapper} to the selected parameters and {@code mapOthers} (if not null) to the
     * other visible ones. Fixed parameters are visible only with {@code includeFixed(true)}.
     */
    default M withMappedParams(UnaryOperator<Parameter> mapper, Select select,
            @Nullable UnaryOperator<Parameter> mapOthers) {
        return own(ParamRewrites.map(this, mapper, select, mapOthers, false));
    }

    /** {@link Parameter#transformed(Bijector)} on every selected free parameter. */
    default M withTransformedParams(Bijector bijector, Select select) {
        java.util.Objects.requireNonNull(bijector, "bijector");
        return own(ParamRewrites.map(this, p -> p.transformed(bijector), select, null, false));
    }

    /** Fixes the selected parameters (fixed ones visible by default). */
    default M withFixedParams(Select select) {
        return withFixedParams(select, false);
    }

    /** Fixes the selected parameters and, with {@code freeOthers}, frees all others. */
    default M withFixedParams(Select select, boolean freeOthers) {
        return own(ParamRewrites.map(this, Parameter::asFixed, select, freeOthers ? Parameter::asFree : null, true));
    }

    /** Frees the selected parameters (fixed ones visible by default). */
    default M withFreeParams(Select select) {
        return withFreeParams(select, false);
    }

    /** Frees the selected parameters and, with {@code fixOthers}, fixes all others. */
    default M withFreeParams(Select select, boolean fixOthers) {
        return own(ParamRewrites.map(this, Parameter::asFree, select, fixOthers ? Parameter::asFixed : null, true));
    }

    /** Frees the selected parameters and fixes every other one. */
    default M withFreeParamsOnly(Select select) {
        return withFreeParams(select, true);
    }

    /** Fixes every parameter. */
    default M withAllParamsFixed() {
        return own(ParamRewrites.map(this, Parameter::asFixed, Select.all(), null, true));
    }

    /** Frees every parameter. */
    default M withAllParamsFree() {
        return own(ParamRewrites.map(this, Parameter::asFree, Select.all(), null, true));
    }

    /**
     * Frees every parameter of the given submodules (Module objects or dotted field paths). With
     * {@code includeFixed} false their fixed parameters stay fixed; with {@code fixOthers}
     * everything outside them is fixed.
     */
    default M withFreeSubmodules(List<?> submodules, boolean fixOthers, boolean includeFixed) {
        return own(ParamRewrites.freeSubmodules(this, submodules, fixOthers, includeFixed));
    }

    /** Frees every parameter of the given submodules, fixed ones included. */
    default M withFreeSubmodules(Object... submodules) {
        return withFreeSubmodules(List.of(submodules), false, true);
    }

    /** Keeps the given submodules exactly as they are and fixes everything else. */
    default M withFreeSubmodulesOnly(Object... submodules) {
        return withFreeSubmodulesOnly(List.of(submodules), false);
    }

    /** {@link #withFreeSubmodules(List, boolean, boolean)} with {@code fixOthers = true}. */
    default M withFreeSubmodulesOnly(List<?> submodules, boolean includeFixed) {
        return withFreeSubmodules(submodules, true, includeFixed);
    }

    /** Fixes every parameter of the given submodules. */
    default M withFixedSubmodules(Object... submodules) {
        return own(ParamRewrites.fixSubmodules(this, List.of(submodules)));
    }

    // ---------------------------------------------------------------- distributions

    /** Adds groups to this module, dropping whole any existing group that shares a parameter with one. */
    default M withParamGroups(ParameterGroup... groups) {
        return withParamGroups(List.of(groups));
    }

    /** Adds groups to this module, dropping whole any existing group that shares a parameter with one. */
    default M withParamGroups(List<ParameterGroup> groups) {
        return own(Groups.withParamGroups(this, groups));
    }

    /**
     * Pushes each explicit group into the deepest submodule that holds all its parameters and has a
     * {@link Meta} component to carry it, renaming its names relative to that submodule.
     */
    default M withDemotedParamGroups() {
        return own(Groups.demote(this));
    }

    /** Removes every explicit group, recursively. */
    default M withNoParamGroups() {
        return own(Groups.removeAll(this));
    }

    /** Maps every parameter's distribution. */
    default M withMappedDistributions(UnaryOperator<Distribution> mapper) {
        return withMappedDistributions(mapper, null, null, false);
    }

    /**
     * Maps distributions where {@code filter} holds (all when null) and {@code mapOthers} elsewhere
     * (if not null): on individual parameters (per element for vector parameters with a joint or
     * vector distribution) or, with {@code paramGroups}, on every explicit group, recursively.
     */
    default M withMappedDistributions(UnaryOperator<Distribution> mapper, @Nullable Predicate<Distribution> filter,
            @Nullable UnaryOperator<Distribution> mapOthers, boolean paramGroups) {
        return own(Groups.mapDistributions(this, mapper, filter, mapOthers, paramGroups));
    }

    /** {@link #withUniformDistributions(double, Select, boolean, boolean)} on every free parameter. */
    default M withUniformDistributions(double fraction) {
        return withUniformDistributions(fraction, Select.all(), false, true);
    }

    /**
     * Gives each selected parameter element a uniform distribution on {@code value·(1 ± fraction)}
     * (ordered for negative values), clipped to the parameter's bounds with {@code respectBounds};
     * elements whose value is zero keep their distribution. Groups are removed recursively first
     * unless {@code removeParamGroups} is false.
     */
    default M withUniformDistributions(double fraction, Select select, boolean respectBounds,
            boolean removeParamGroups) {
        return own(Groups.uniform(this, fraction, select, respectBounds, removeParamGroups));
    }

    // ---------------------------------------------------------------- fields and submodules

    /** Replaces record components by field name; parameter fields also accept physical values. */
    default M withFields(Map<String, ?> fields) {
        return own(Structure.withFields(this, fields));
    }

    /** Replaces one record component. */
    default M withFields(String field, Object value) {
        return withFields(java.util.Collections.singletonMap(field, value));
    }

    /** Sets attributes by dotted path ({@code "a.b.c"}); a final {@code name} sets the explicit name. */
    default M withAttrs(Map<String, ?> attrs) {
        return own(Structure.withAttrs(this, attrs));
    }

    /** Sets one attribute by dotted path. */
    default M withAttrs(String path, Object value) {
        return withAttrs(java.util.Collections.singletonMap(path, value));
    }

    /** A copy with another explicit name ({@code null} removes it). */
    default M withName(@Nullable String name) {
        return own(Structure.withName(this, name));
    }

    /** {@link #withFields(Map)} applied to the submodule at a dotted field path. */
    default M withSubmoduleFields(String submodulePath, Map<String, ?> fields) {
        return own(Structure.withSubmoduleFields(this, submodulePath, fields));
    }

    /** Replaces the submodule whose name (as in parameter names, e.g. {@code "layer1_attention"}) is given. */
    default M withSubmodules(String name, Module<?> replacement) {
        return withSubmodules(java.util.Collections.singletonMap(name, replacement));
    }

    /**
     * Replaces submodules by name (as in parameter names).
     *
     * @throws IllegalArgumentException for a null name or replacement, an unknown name (with the
     *     closest names), or a replacement that is not of the type the field (or list or map)
     *     declares, naming the field, the expected and the given type
     */
    default M withSubmodules(Map<String, ? extends Module<?>> replacements) {
        return own(Structure.withSubmodules(this, replacements));
    }

    /**
     * Takes each other module's free parameters (by name, replacing this module's) and explicit
     * groups, in order; later modules win. Groups are taken module by module where the other tree
     * has the same shape (so {@code m.merged(m)} equals {@code m}); otherwise they are lifted onto
     * this module. Useful to combine copies of one model fitted with different free parameters.
     * To merge a {@code List}, pass {@code list.toArray(Module<?>[]::new)}.
     */
    default M merged(Module<?>... others) {
        return own(Structure.merged(this, List.of(others)));
    }

    /** One draw from the joint distribution of the free parameters, as a new module. */
    default M sampled(RandomGenerator rng) {
        return own(distribution().sampledModule(rng));
    }

    /**
     * One seeded draw from the joint distribution of the free parameters, as a new module, a pure
     * function of this module and {@code seed}. Drawn by the highest-priority
     * {@link org.parax4j.module.spi.ParameterSamplerProvider}: with the engine present, its
     * vectorised counter-based sampler (the same draw as its Monte Carlo sample 0); otherwise the
     * distributions' scalar samplers.
     */
    default M sampled(long seed) {
        return withParams(distribution().sample(seed));
    }

    /** Resets {@link NotSaved} components to their defaults. */
    default M saveable() {
        return own(Structure.saveable(this));
    }

    /** This module tree as JSON ({@link ModuleJson#save}). */
    default String toJson() {
        return ModuleJson.save(this);
    }

    // ---------------------------------------------------------------- model functions

    /**
     * Jacobian of {@code func} with respect to the latent flat vector, by central finite
     * differences (step {@code 1e-6·max(1, |θ|)}): flat name → derivative of every output.
     * This is the reference path for opaque functions; the engine's dual numbers give exact
     * derivatives of recorded functions.
     */
    default Map<String, double[]> funcJacobian(Function<? super M, double[]> func) {
        return Numerics.jacobian(own(this), func);
    }

    /** Sensitivities per flat name of the given kind ({@link Numerics#sensitivity}). */
    default Map<String, double[]> funcSensitivity(Function<? super M, double[]> func,
            SensitivityKind kind) {
        return Numerics.sensitivity(own(this), func, kind);
    }

    /** One number: the {@code norm} (1, 2 or {@code Double.POSITIVE_INFINITY}) of all sensitivities. */
    default double funcSensitivity(Function<? super M, double[]> func, SensitivityKind kind,
            double norm) {
        return Numerics.sensitivityNorm(own(this), func, kind, norm);
    }

    /** {@code func} over {@code numSamples} draws of {@link #sampled}: row {@code s} is sample {@code s}. */
    default double[][] funcSamples(Function<? super M, double[]> func, RandomGenerator rng,
            int numSamples) {
        return Numerics.samples(own(this), func, rng, numSamples);
    }

    /**
     * A rewritten tree as {@code M}: rewrites rebuild the root's own record class and {@link ModuleType}
     * refuses a record whose type argument is not that class, so the cast holds (checked anyway).
     */
    @SuppressWarnings("unchecked")
    private M own(Module<?> rewritten) {
        if (rewritten.getClass() != getClass()) {
            throw new IllegalStateException("a rewrite of " + getClass().getName() + " returned a "
                    + rewritten.getClass().getName());
        }
        return (M) rewritten;
    }
}
