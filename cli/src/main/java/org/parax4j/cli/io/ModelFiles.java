package org.parax4j.cli.io;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.json.Json;
import org.parax4j.kernel.Kernel;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;

/**
 * Model files for the command line: loads a module tree saved with {@link ModuleJson#save} and
 * finds a kernel inside it by dotted field path ({@code discrepancy.kernel}: record component
 * names, list indices and map keys). The reference model's types ({@link ReferenceModel},
 * {@link ReferenceModel.Resonator}, {@link ReferenceModel.Discrepancy}) are registered before
 * loading, so the demo's {@code model.json} loads back. Stateless and thread-safe.
 */
public final class ModelFiles {

    private ModelFiles() {}

    /** Registers the module types the command line knows with {@link ModuleJson} (idempotent). */
    public static void registerTypes() {
        ModuleJson.register(ReferenceModel.class);
        ModuleJson.register(ReferenceModel.Resonator.class);
        ModuleJson.register(ReferenceModel.Discrepancy.class);
    }

    /**
     * Loads a module tree from a JSON file.
     *
     * @param file the model file
     * @param option the option that named it, for messages
     * @return the module
     * @throws IllegalArgumentException for a missing file ({@link TextFiles#read}), malformed JSON
     *     ({@code file:line:column: ...}) or an invalid tree (unknown module type or field, invalid
     *     parameter), prefixed with the file name
     */
    public static Module load(Path file, String option) {
        String json = TextFiles.read(file, option);
        registerTypes();
        try {
            return ModuleJson.load(json);
        } catch (Json.JsonFormatException e) {
            throw new IllegalArgumentException(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The kernel at {@code path} below {@code root}, or {@code root} itself when the path is null or
     * empty.
     *
     * @throws IllegalArgumentException when the path names no object of the tree (listing the fields
     *     there), or the object is not a {@link Kernel} (listing the kernel paths of the tree)
     */
    public static Kernel kernel(Module root, String path) {
        Objects.requireNonNull(root, "root");
        Object target = path == null || path.isEmpty() ? root : at(root, path);
        if (target instanceof Kernel k) {
            return k;
        }
        List<String> kernels = new ArrayList<>();
        collectKernels(root, "", kernels);
        String where = path == null || path.isEmpty() ? "the model's root" : "--kernel '" + path + "'";
        String hint = kernels.isEmpty() ? "the model holds no kernel"
                : kernels.contains("") ? "the root is a kernel; omit --kernel"
                : "kernels in this model: " + String.join(", ", kernels) + "; choose one with --kernel";
        throw new IllegalArgumentException(where + " is a " + simpleName(target) + ", not a Kernel; " + hint);
    }

    /**
     * The object at a dotted path below {@code root}.
     *
     * @throws IllegalArgumentException when a step names no field, index or key, naming the step and the
     *     choices
     */
    static Object at(Module root, String path) {
        Object current = root;
        String walked = "";
        for (String step : path.split("\\.", -1)) {
            current = step(current, step, path, walked);
            walked = walked.isEmpty() ? step : walked + "." + step;
        }
        return current;
    }

    private static Object step(Object current, String step, String path, String walked) {
        String at = walked.isEmpty() ? "the root" : "'" + walked + "'";
        if (current instanceof Record record && current instanceof Module) {
            List<String> fields = new ArrayList<>();
            for (RecordComponent rc : record.getClass().getRecordComponents()) {
                if (rc.getName().equals(step)) {
                    return read(rc, record);
                }
                fields.add(rc.getName());
            }
            throw new IllegalArgumentException("--kernel '" + path + "': " + at + " (" + simpleName(current)
                    + ") has no field '" + step + "'; its fields: " + String.join(", ", fields));
        }
        if (current instanceof List<?> list) {
            int index = -1;
            if (step.matches("\\d{1,9}")) {
                index = Integer.parseInt(step);
            }
            if (index < 0 || index >= list.size()) {
                throw new IllegalArgumentException("--kernel '" + path + "': " + at + " is a list of " + list.size()
                        + " elements; expected an index in [0, " + list.size() + "), got '" + step + "'");
            }
            return list.get(index);
        }
        if (current instanceof Map<?, ?> map) {
            if (!map.containsKey(step)) {
                throw new IllegalArgumentException("--kernel '" + path + "': " + at + " has no key '" + step
                        + "'; its keys: " + map.keySet());
            }
            return map.get(step);
        }
        throw new IllegalArgumentException("--kernel '" + path + "': " + at + " is a " + simpleName(current)
                + " and has no field '" + step + "'");
    }

    private static void collectKernels(Object node, String prefix, List<String> out) {
        if (node instanceof Kernel) {
            out.add(prefix);
        }
        if (node instanceof Record record && node instanceof Module) {
            for (RecordComponent rc : record.getClass().getRecordComponents()) {
                collectKernels(read(rc, record), join(prefix, rc.getName()), out);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectKernels(list.get(i), join(prefix, Integer.toString(i)), out);
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectKernels(v, join(prefix, String.valueOf(k)), out));
        }
    }

    private static String join(String prefix, String step) {
        return prefix.isEmpty() ? step : prefix + "." + step;
    }

    private static Object read(RecordComponent rc, Record record) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read field '" + rc.getName() + "' of "
                    + record.getClass().getSimpleName(), e);
        }
    }

    private static String simpleName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
