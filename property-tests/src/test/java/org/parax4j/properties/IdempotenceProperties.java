package org.parax4j.properties;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.parax4j.module.Module;
import org.parax4j.module.Select;
import org.parax4j.properties.gen.ModuleTreeGenerators;
import org.parax4j.properties.gen.Theories;

/**
 * Rewrites that must be idempotent are: applying one twice equals applying it once; and a prefix
 * filter selects exactly the parameters an explicit list of the matching names selects.
 */
class IdempotenceProperties {

    private static final long SEED = 20261128L;

    private static final List<UnaryOperator<Module<?>>> IDEMPOTENT = List.of(
            Module::withNoParamGroups,
            Module::withAllParamsFixed,
            Module::withAllParamsFree,
            Module::withDemotedParamGroups,
            Module::saveable,
            m -> m.withFixedParams(Select.prefixes("a").ignoreUnknown()),
            m -> m.withFreeParamsOnly(Select.all().includeFixed(true)));

    @Test
    void idempotentRewritesAreIdempotent() {
        Theories.theory(SEED).withExamples(Theories.examples(100)).forAll(ModuleTreeGenerators.trees()).check(c -> {
            for (int i = 0; i < IDEMPOTENT.size(); i++) {
                UnaryOperator<Module<?>> rewrite = IDEMPOTENT.get(i);
                Module<?> once;
                try {
                    once = rewrite.apply(c.root());
                } catch (RuntimeException e) {
                    throw new AssertionError("rewrite " + i + " threw " + e, e);
                }
                if (!rewrite.apply(once).equals(once)) {
                    throw new AssertionError("rewrite " + i + " is not idempotent");
                }
            }
            return true;
        });
    }

    @Test
    void prefixFiltersEqualExplicitNameLists() {
        Theories.theory(SEED).withExamples(Theories.examples(100)).forAll(ModuleTreeGenerators.trees()).check(c -> {
            Module<?> root = c.root();
            for (String name : c.names()) {
                String prefix = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
                List<String> matching = c.names().stream()
                        .filter(n -> n.equals(prefix) || n.startsWith(prefix + "_")).toList();
                Select byPrefix = Select.prefixes(prefix).includeFixed(true);
                Select byNames = Select.names(matching).includeFixed(true);
                if (!root.paramNames(byPrefix).equals(root.paramNames(byNames))
                        || !root.withFixedParams(byPrefix).equals(root.withFixedParams(byNames))) {
                    return false;
                }
            }
            return true;
        });
    }
}
