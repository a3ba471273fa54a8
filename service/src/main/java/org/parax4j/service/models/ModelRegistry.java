package org.parax4j.service.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;

/**
 * The models a service answers for, loaded at start-up: module trees read with {@link ModuleJson}
 * and turned into recorded functions by a model-function factory registered for the root's type.
 * The reference model of SPEC §11 ({@link ReferenceModel}) is registered and served as
 * {@code reference}. Gaussian-process models ({@link ServedGp}) are served by name beside them, in
 * their own name space. Build it fully before the server starts; afterwards it is read-only and
 * thread-safe.
 */
public final class ModelRegistry {

    /** Name of the built-in reference model. */
    public static final String REFERENCE = "reference";

    /** Name of the built-in GP demo model ({@link GpDemo}). */
    public static final String DISCREPANCY = "discrepancy";

    /** File name ending of a GP definition in a models directory. */
    public static final String GP_SUFFIX = ".gp.json";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Map<Class<?>, Function<Module<?>, ModelFunction<?>>> FACTORIES = new ConcurrentHashMap<>();

    static {
        ModuleJson.register(ReferenceModel.class);
        ModuleJson.register(ReferenceModel.Resonator.class);
        ModuleJson.register(ReferenceModel.Discrepancy.class);
        registerFunction(ReferenceModel.class, ReferenceModel::function);
    }

    private final Map<String, ServedModel> models = new LinkedHashMap<>();
    private final Map<String, ServedGp> gps = new LinkedHashMap<>();
    private final int poolCapacity;
    private final EngineOptions engine;

    /**
     * An empty registry whose models keep at most {@code poolCapacity} idle workspaces each; GP fits
     * run under {@link EngineOptions#defaults()}.
     *
     * @throws IllegalArgumentException when {@code poolCapacity < 1}
     */
    public ModelRegistry(int poolCapacity) {
        this(poolCapacity, EngineOptions.defaults());
    }

    /**
     * An empty registry whose models keep at most {@code poolCapacity} idle workspaces each and whose
     * GP fits and factorisations run under {@code engine} (the service passes its executor's options).
     *
     * @throws IllegalArgumentException when {@code poolCapacity < 1} or {@code engine} is null
     */
    public ModelRegistry(int poolCapacity, EngineOptions engine) {
        if (poolCapacity < 1) {
            throw new IllegalArgumentException("poolCapacity must be >= 1, got " + poolCapacity);
        }
        if (engine == null) {
            throw new IllegalArgumentException("engine options must not be null");
        }
        this.poolCapacity = poolCapacity;
        this.engine = engine;
    }

    /**
     * Registers the model function of root type {@code type} (its module types must also be registered
     * with {@link ModuleJson#register}). Thread-safe; a later registration replaces an earlier one.
     */
    public static <M extends Module<?>> void registerFunction(Class<M> type, Function<M, ModelFunction<M>> factory) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        FACTORIES.put(type, m -> factory.apply(type.cast(m)));
    }

    /**
     * The registry of the embedded configuration: the reference model, saved with {@link ModuleJson}
     * and loaded back as a model file would be, and the GP demo {@value #DISCREPANCY} (its definition
     * {@link GpDemo#definition()} loaded as a GP file would be); then every {@code *.gp.json} of
     * {@code modelsDir} (when not null) as a GP definition ({@link ServedGp}) and every other {@code *.json}
     * as a module tree, each under its file name without that ending.
     *
     * @throws IllegalArgumentException when a file cannot be read or loaded (naming it)
     */
    public static ModelRegistry standard(int poolCapacity, Path modelsDir) {
        return standard(poolCapacity, modelsDir, EngineOptions.defaults());
    }

    /**
     * {@link #standard(int, Path)} with GP fits and factorisations under {@code engine}.
     *
     * @throws IllegalArgumentException as {@link #standard(int, Path)}, or when {@code engine} is null
     */
    public static ModelRegistry standard(int poolCapacity, Path modelsDir, EngineOptions engine) {
        ModelRegistry registry = new ModelRegistry(poolCapacity, engine);
        registry.load(REFERENCE, ModuleJson.save(ReferenceModel.create()));
        registry.loadGp(DISCREPANCY, GpDemo.definition());
        if (modelsDir != null) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(modelsDir, "*.json")) {
                for (Path file : files) {
                    String fileName = file.getFileName().toString();
                    boolean gp = fileName.endsWith(GP_SUFFIX);
                    String name = fileName.substring(0, fileName.length() - (gp ? GP_SUFFIX : ".json").length());
                    try {
                        String json = Files.readString(file, StandardCharsets.UTF_8);
                        if (gp) {
                            registry.loadGp(name, json);
                        } else {
                            registry.load(name, json);
                        }
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--models " + modelsDir + ": cannot read the directory: " + e, e);
            }
        }
        return registry;
    }

    /**
     * Loads a module tree from JSON and serves it as {@code name}.
     *
     * @return the served model
     * @throws IllegalArgumentException for a bad name, a name taken, malformed JSON or an invalid tree, or a
     *     root type without a registered model function
     */
    public ServedModel load(String name, String json) {
        checkName(name, models);
        Module<?> module = ModuleJson.load(json);
        Function<Module<?>, ModelFunction<?>> factory = FACTORIES.get(module.getClass());
        if (factory == null) {
            throw new IllegalArgumentException("no model function is registered for root type "
                    + module.getClass().getSimpleName() + "; register one with ModelRegistry.registerFunction");
        }
        ServedModel served = new ServedModel(name, factory.apply(module), poolCapacity);
        models.put(name, served);
        return served;
    }

    /**
     * Reads a GP definition ({@link ServedGp#load}), fits and conditions it, and serves it as {@code name}.
     *
     * @return the served GP
     * @throws IllegalArgumentException for a bad name, a GP name taken, or a bad definition (naming the JSON path)
     * @throws IllegalStateException when a fit cannot evaluate any start
     */
    public ServedGp loadGp(String name, String json) {
        checkName(name, gps);
        ServedGp gp = ServedGp.load(name, json, engine);
        gps.put(name, gp);
        return gp;
    }

    private static void checkName(String name, Map<String, ?> taken) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name must match " + NAME + ", got '" + name + "'");
        }
        if (taken.containsKey(name)) {
            throw new IllegalArgumentException("model name '" + name + "' is taken");
        }
    }

    /** The GP model called {@code name}, or null. */
    public ServedGp gp(String name) {
        return gps.get(name);
    }

    /** Every GP model by name, in load order. Unmodifiable view. */
    public Map<String, ServedGp> gps() {
        return Collections.unmodifiableMap(gps);
    }

    /** The model called {@code name}, or null. */
    public ServedModel get(String name) {
        return models.get(name);
    }

    /** Every model by name, in load order. Unmodifiable view. */
    public Map<String, ServedModel> all() {
        return Collections.unmodifiableMap(models);
    }
}
