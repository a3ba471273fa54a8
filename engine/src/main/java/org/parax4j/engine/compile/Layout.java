package org.parax4j.engine.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parax4j.module.Module;
import org.parax4j.module.ParameterGroup;
import org.parax4j.module.Select;
import org.parax4j.param.Parameter;

/**
 * The compiled structure of a module tree (SPEC §7), as flat arrays over its <em>elements</em>
 * (every flat parameter, fixed ones included, in flat order): names, parameter offsets and shapes,
 * fixed mask, scales, bounds, transform programs, the free-element index (the flat vector's order)
 * and the group table of the free parameters' joint distribution.
 *
 * <p>Immutable and thread-safe; accessors of arrays return copies, the indexed accessors do not
 * allocate.
 */
public final class Layout {

    private final List<String> paramNames;
    private final int[] paramOffsets;
    private final int[][] paramShapes;
    private final List<String> elementNames;
    private final Map<String, Integer> elementIndex;
    private final boolean[] fixed;
    private final double[] scales;
    private final double[] lowerBounds;
    private final double[] upperBounds;
    private final TransformProgram[] transforms;
    private final int[] freeElements;
    private final List<Group> groups;

    private Layout(Module<?> module) {
        List<String> names = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        List<Parameter> elementParams = new ArrayList<>();
        List<Integer> elementOfParam = new ArrayList<>();
        Map<String, Parameter> params = module.namedParams(Select.all().includeFixed(true));
        Map<String, Parameter> flat = module.namedFlatParams(Select.all().includeFixed(true));
        List<String> flatNames = List.copyOf(flat.keySet());
        int offset = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            Parameter p = e.getValue();
            names.add(e.getKey());
            offsets.add(offset);
            shapes.add(p.shape());
            for (int i = 0; i < p.size(); i++) {
                elements.add(flatNames.get(offset + i));
                elementParams.add(p);
                elementOfParam.add(i);
            }
            offset += p.size();
        }
        int n = elements.size();
        this.paramNames = List.copyOf(names);
        this.paramOffsets = offsets.stream().mapToInt(Integer::intValue).toArray();
        this.paramShapes = shapes.toArray(int[][]::new);
        this.elementNames = List.copyOf(elements);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < n; k++) {
            index.put(elements.get(k), k);
        }
        this.elementIndex = Collections.unmodifiableMap(index);
        this.fixed = new boolean[n];
        this.scales = new double[n];
        this.lowerBounds = new double[n];
        this.upperBounds = new double[n];
        this.transforms = new TransformProgram[n];
        Map<Parameter, TransformProgram> programs = new java.util.IdentityHashMap<>();
        List<Integer> free = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Parameter p = elementParams.get(k);
            int i = elementOfParam.get(k);
            fixed[k] = p.isFixed();
            scales[k] = p.scale();
            lowerBounds[k] = p.lowerBound(i);
            upperBounds[k] = p.upperBound(i);
            transforms[k] = programs.computeIfAbsent(p, q -> TransformProgram.of(q.transform().orElse(null)));
            if (!fixed[k]) {
                free.add(k);
            }
        }
        this.freeElements = free.stream().mapToInt(Integer::intValue).toArray();
        List<Group> table = new ArrayList<>();
        for (ParameterGroup g : module.paramGroups(false, false)) {
            int[] members = g.names().stream().mapToInt(this::element).toArray();
            table.add(new Group(members, g.distribution()));
        }
        this.groups = List.copyOf(table);
    }

    /** Compiles the layout of {@code module}. */
    public static Layout of(Module<?> module) {
        java.util.Objects.requireNonNull(module, "module");
        module.validateParams();
        return new Layout(module);
    }

    /** Parameter names (fixed included), in tree order. */
    public List<String> paramNames() {
        return paramNames;
    }

    /** Offset of parameter {@code p}'s first element. */
    public int paramOffset(int p) {
        return paramOffsets[p];
    }

    /** Shape of parameter {@code p}. Copy. */
    public int[] paramShape(int p) {
        return paramShapes[p].clone();
    }

    /** Number of elements (flat parameters, fixed included). */
    public int size() {
        return fixed.length;
    }

    /** Flat names of all elements, in flat order. */
    public List<String> elementNames() {
        return elementNames;
    }

    /**
     * Index of the element called {@code flatName}.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public int element(String flatName) {
        Integer k = elementIndex.get(flatName);
        if (k == null) {
            throw new IllegalArgumentException("unknown flat parameter name '" + flatName + "'; the layout has "
                    + elementNames);
        }
        return k;
    }

    /** Whether element {@code k} is fixed. */
    public boolean isFixed(int k) {
        return fixed[k];
    }

    /** Scale of element {@code k}. */
    public double scale(int k) {
        return scales[k];
    }

    /** Lower bound of element {@code k} (−∞ when unbounded). */
    public double lowerBound(int k) {
        return lowerBounds[k];
    }

    /** Upper bound of element {@code k} (+∞ when unbounded). */
    public double upperBound(int k) {
        return upperBounds[k];
    }

    /** Transform program of element {@code k}. */
    public TransformProgram transform(int k) {
        return transforms[k];
    }

    /** Number of free elements: the length of the flat vector. */
    public int numFree() {
        return freeElements.length;
    }

    /** Element index of flat-vector position {@code f}. */
    public int freeElement(int f) {
        return freeElements[f];
    }

    /** Flat names of the free elements, in flat-vector order. */
    public List<String> freeNames() {
        List<String> out = new ArrayList<>(freeElements.length);
        for (int k : freeElements) {
            out.add(elementNames.get(k));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The group table of the free parameters' joint distribution (SPEC §5 {@code paramGroups()}); a
     * parameter without a distribution is a singleton group of code {@link DistributionCode#NONE}
     * (held at its value when sampling).
     */
    public List<Group> groups() {
        return groups;
    }
}
