package org.parax4j.properties.gen;

import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;
import org.parax4j.module.ParameterGroup;
import org.parax4j.module.Select;
import org.parax4j.module.Transparent;
import org.parax4j.param.Parameter;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Random module trees covering every naming feature: nested records, list and map children, a
 * transparent field and a transparent type, explicit module and parameter names, element names,
 * vector and matrix parameters (from {@link ParameterGenerators}, so with transforms, bounds,
 * distributions and fixed flags), and explicit parameter groups on some modules.
 *
 * <p>Names are unique by construction: every explicit name, element name and map key is a fresh
 * token ({@code m3}, {@code q5}, {@code e7}, {@code k2}) distinct from every field name, and a
 * transparent child without an explicit name gives its parameter a fresh explicit name. Alongside
 * the tree, the generator computes the expected parameter names and flat names by its own
 * reading of the rules (SPEC §5), independently of the library's traversal.
 */
public final class ModuleTreeGenerators {

    /** A leaf module, used in a transparent field. */
    public record Leaf(Parameter u, Meta meta) implements Module<Leaf> {}

    /** A module type that is transparent wherever it appears. */
    @Transparent
    public record Inv(Parameter v, Meta meta) implements Module<Inv> {}

    /** The generated node: parameters, a transparent field, a transparent type, lists and maps. */
    public record Node(Parameter a, @Transparent Leaf hidden, Inv inv, Parameter vec, List<Node> items,
            Map<String, Node> byKey, List<Parameter> extras, Meta meta) implements Module<Node> {}

    static {
        ModuleJson.register(Leaf.class);
        ModuleJson.register(Inv.class);
        ModuleJson.register(Node.class);
    }

    private ModuleTreeGenerators() {}

    /**
     * A generated tree with its independently computed names.
     *
     * @param root the tree
     * @param names every parameter name (fixed included), in declaration order
     * @param flatNames every flat name (fixed included), in declaration order
     * @param fixed for each flat name, whether its parameter is fixed
     */
    public record Case(Node root, List<String> names, List<String> flatNames, List<Boolean> fixed) {

        /** Flat names of the free parameters, in order. */
        public List<String> freeFlatNames() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < flatNames.size(); i++) {
                if (!fixed.get(i)) {
                    out.add(flatNames.get(i));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return root.toJson();
        }
    }

    /** Random trees of depth up to 2. */
    public static Gen<Case> trees() {
        Gen<Parameter> params = ParameterGenerators.parameters();
        Gen<Integer> dice = integers().between(0, 5);
        return in -> {
            Builder b = new Builder(in, params, dice);
            Node root = b.node("", 0);
            return new Case(root, List.copyOf(b.names), List.copyOf(b.flatNames), List.copyOf(b.fixed));
        };
    }

    /** One generation: the randomness source, a token counter and the expected names so far. */
    private static final class Builder {
        final RandomnessSource in;
        final Gen<Parameter> params;
        final Gen<Integer> dice;
        final List<String> names = new ArrayList<>();
        final List<String> flatNames = new ArrayList<>();
        final List<Boolean> fixed = new ArrayList<>();
        int tokens;

        Builder(RandomnessSource in, Gen<Parameter> params, Gen<Integer> dice) {
            this.in = in;
            this.params = params;
            this.dice = dice;
        }

        boolean chance(int outOfSix) {
            return dice.generate(in) < outOfSix;
        }

        String token(String kind) {
            return kind + tokens++;
        }

        static String join(String prefix, String component) {
            return prefix.isEmpty() ? component : prefix + "_" + component;
        }

        /** A parameter at {@code prefix} whose field (or index) is {@code component}; records its names. */
        Parameter param(String prefix, String component, boolean forceName) {
            Parameter p = params.generate(in).withName(null).withNames(null);
            if (forceName || chance(1)) {
                p = p.withName(token("q"));
            }
            if (p.shape().length > 0 && chance(2)) {
                List<String> elements = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) {
                    elements.add(token("e"));
                }
                p = p.withNames(elements);
            }
            String name = forceName || p.name().isPresent() ? join(prefix, p.name().orElseThrow())
                    : join(prefix, component);
            names.add(name);
            for (int i = 0; i < p.size(); i++) {
                String flat = p.shape().length == 0 ? name
                        : p.elementNames().isEmpty() ? name + "_" + i : join(prefix, p.elementNames().get(i));
                flatNames.add(flat);
                fixed.add(p.isFixed());
            }
            return p;
        }

        Meta meta(String explicitName) {
            return explicitName == null ? Meta.NONE : Meta.named(explicitName);
        }

        Node node(String prefix, int depth) {
            Parameter a = param(prefix, "a", false);
            Leaf hidden = null;
            if (chance(2)) {
                String n = chance(2) ? token("m") : null;
                String inner = n == null ? prefix : join(prefix, n);
                hidden = new Leaf(param(inner, "u", n == null), meta(n));
            }
            Inv inv = null;
            if (chance(2)) {
                String n = chance(2) ? token("m") : null;
                String inner = n == null ? prefix : join(prefix, n);
                inv = new Inv(param(inner, "v", n == null), meta(n));
            }
            Parameter vec = param(prefix, "vec", false);
            List<Node> items = new ArrayList<>();
            Map<String, Node> byKey = new LinkedHashMap<>();
            if (depth < 2) {
                int count = dice.generate(in) % 3;
                for (int i = 0; i < count; i++) {
                    String n = chance(2) ? token("m") : null;
                    Node child = node(join(join(prefix, "items"), n == null ? String.valueOf(i) : n), depth + 1);
                    items.add(n == null ? child : child.withName(n));
                }
                count = dice.generate(in) % 3;
                for (int i = 0; i < count; i++) {
                    String key = token("k");
                    String n = chance(1) ? token("m") : null;
                    Node child = node(join(join(prefix, "byKey"), n == null ? key : n), depth + 1);
                    byKey.put(key, n == null ? child : child.withName(n));
                }
            }
            List<Parameter> extras = new ArrayList<>();
            int count = dice.generate(in) % 3;
            for (int i = 0; i < count; i++) {
                extras.add(param(join(prefix, "extras"), String.valueOf(i), false));
            }
            Node node = new Node(a, hidden, inv, vec, Collections.unmodifiableList(items),
                    Collections.unmodifiableMap(byKey), Collections.unmodifiableList(extras), Meta.NONE);
            return chance(2) ? withGroup(node) : node;
        }

        /** Adds one explicit group over one or two of the node's own flat parameters. */
        Node withGroup(Node node) {
            List<String> own = node.flatParamNames(Select.all().includeFixed(true));
            String first = own.get(dice.generate(in) % own.size());
            String second = own.get(dice.generate(in) % own.size());
            if (first.equals(second)) {
                return node.withParamGroups(ParameterGroup.of(new Normal(0, 1), first));
            }
            MultivariateNormal joint = new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 0.3}, {0.3, 1}});
            return node.withParamGroups(ParameterGroup.of(joint, first, second));
        }
    }
}
