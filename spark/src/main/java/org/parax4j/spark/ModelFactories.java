package org.parax4j.spark;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.parax4j.module.ModuleJson;

/**
 * The registry of {@link ModelFactory} instances in this JVM (driver or executor): those registered
 * in code plus those listed for {@link ServiceLoader}. Thread-safe.
 */
public final class ModelFactories {

    private static final Map<String, ModelFactory> REGISTERED = new TreeMap<>();
    private static boolean loaded;

    private ModelFactories() {
    }

    /**
     * Registers {@code factory} under its name (replacing a factory of the same name) and its module
     * types with {@link ModuleJson}.
     *
     * @throws IllegalArgumentException when {@code factory} or its name is null or blank
     */
    public static synchronized void register(ModelFactory factory) {
        if (factory == null || factory.name() == null || factory.name().isBlank()) {
            throw new IllegalArgumentException("factory and its name must not be null or blank, got " + factory);
        }
        factory.moduleTypes().forEach(ModuleJson::register);
        REGISTERED.put(factory.name(), factory);
    }

    /**
     * The factory named {@code name}, loading the {@link ServiceLoader} ones on first use.
     *
     * @throws IllegalStateException when this JVM has no such factory: the message names the factory,
     *     the host, the factories present and how to ship one
     */
    public static synchronized ModelFactory find(String name) {
        if (!loaded) {
            loaded = true;
            for (ModelFactory f : ServiceLoader.load(ModelFactory.class, ModelFactories.class.getClassLoader())) {
                if (!REGISTERED.containsKey(f.name())) {
                    register(f);
                }
            }
        }
        ModelFactory f = REGISTERED.get(name);
        if (f == null) {
            throw new IllegalStateException("no model-function factory named '" + name + "' in this JVM ("
                    + host() + "); registered: " + REGISTERED.keySet() + ". Ship the jar that holds it with "
                    + "spark-submit --jars and list its class in META-INF/services/" + ModelFactory.class.getName()
                    + ", or call ModelFactories.register on every executor");
        }
        return f;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }
}
