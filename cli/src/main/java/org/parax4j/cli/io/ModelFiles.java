package org.parax4j.cli.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.json.Json;
import org.parax4j.kernel.Kernel;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;
import org.parax4j.module.Names;

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
     *     parameter), prefixed with the file name; also for any other runtime exception the loader
     *     throws on this file (a module of the wrong type in a typed slot, a null required field),
     *     whose type and message it names, because the file is untrusted input
     */
    public static Module<?> load(Path file, String option) {
        String json = TextFiles.read(file, option);
        registerTypes();
        try {
            return ModuleJson.load(json);
        } catch (Json.JsonFormatException e) {
            throw new IllegalArgumentException(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (ClassCastException | NullPointerException | IllegalStateException | ArithmeticException
                | IndexOutOfBoundsException | UnsupportedOperationException e) {
            // the file is untrusted input: whatever it makes the loader throw is an input error
            throw new IllegalArgumentException(file + ": invalid model (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /**
     * The kernel at {@code path} below {@code root}, or {@code root} itself when the path is null or
     * empty.
     *
     * @throws IllegalArgumentException when the path names no object of the tree (listing the fields
     *     there), or the object is not a {@link Kernel} (listing the kernel paths of the tree)
     */
    public static Kernel<?> kernel(Module<?> root, String path) {
        Objects.requireNonNull(root, "root");
        Object target;
        try {
            target = path == null || path.isEmpty() ? root : root.at(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--kernel '" + Names.shown(path) + "': " + e.getMessage(), e);
        }
        if (target instanceof Kernel<?> k) {
            return k;
        }
        List<String> kernels = new ArrayList<>();
        if (root instanceof Kernel<?>) {
            kernels.add("");
        }
        root.namedSubmodules().forEach((p, m) -> {
            if (m instanceof Kernel<?>) {
                kernels.add(p);
            }
        });
        String where = path == null || path.isEmpty() ? "the model's root" : "--kernel '" + Names.shown(path) + "'";
        String hint = kernels.isEmpty() ? "the model holds no kernel"
                : kernels.contains("") ? "the root is a kernel; omit --kernel"
                : "kernels in this model: " + String.join(", ", kernels) + "; choose one with --kernel";
        throw new IllegalArgumentException(where + " is a " + simpleName(target) + ", not a Kernel; " + hint);
    }

    private static String simpleName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }
}
