package org.parax4j.service.models;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.module.Module;

/**
 * One model the service answers for: its recorded {@link ModelFunction}, a single-threaded
 * {@link MonteCarlo} runner (the service's executor supplies the concurrency, so no hidden pool is
 * used), and a {@link WorkspacePool}. Converts physical parameter values given by free flat name
 * into the latent flat vector the engine takes. Immutable apart from its pools; thread-safe.
 */
public final class ServedModel {

    private final String name;
    private final String type;
    private final ModelFunction<?> function;
    private final MonteCarlo<?> monteCarlo;
    private final WorkspacePool workspaces;
    private final Map<String, Integer> freePosition = new HashMap<>();
    private final double[] nominal;

    /**
     * Wraps a recorded function.
     *
     * @param name the name requests use ({@code /v1/models/{name}/...})
     * @param function the recorded function of the loaded module
     * @param poolCapacity most idle workspaces kept
     * @throws IllegalArgumentException when a parameter group has no vectorised sampler or the capacity is < 1
     */
    public ServedModel(String name, ModelFunction<?> function, int poolCapacity) {
        this.name = Objects.requireNonNull(name, "name");
        this.function = Objects.requireNonNull(function, "function");
        this.type = function.model().getClass().getSimpleName();
        this.monteCarlo = MonteCarlo.of(function, MonteCarlo.DEFAULT_BATCH, EngineOptions.singleThreaded());
        this.workspaces = new WorkspacePool(function, poolCapacity);
        List<String> names = function.freeNames();
        for (int f = 0; f < names.size(); f++) {
            freePosition.put(names.get(f), f);
        }
        this.nominal = function.flatValues();
    }

    /** The name requests use. */
    public String name() {
        return name;
    }

    /** The simple name of the root module's type. */
    public String type() {
        return type;
    }

    /** The recorded function. */
    public ModelFunction<?> function() {
        return function;
    }

    /** The module the function was recorded against. */
    public Module<?> module() {
        return function.model();
    }

    /** The Monte Carlo runner (one thread per call). */
    public MonteCarlo<?> monteCarlo() {
        return monteCarlo;
    }

    /** The workspace pool. */
    public WorkspacePool workspaces() {
        return workspaces;
    }

    /** Output elements per evaluation. */
    public int outputSize() {
        return function.outputSize();
    }

    /** Free flat names in flat order. */
    public List<String> freeNames() {
        return function.freeNames();
    }

    /** The nominal latent flat vector (the loaded module's values). New array. */
    public double[] nominalLatent() {
        return nominal.clone();
    }

    /** The position of free flat parameter {@code flatName} in the flat vector, or −1 when there is none. */
    public int freePosition(String flatName) {
        return freePosition.getOrDefault(flatName, -1);
    }

    /** The physical value of free position {@code f} at latent value {@code latent}. */
    public double physical(int f, double latent) {
        return layout().transform(layout().freeElement(f)).forward(latent);
    }

    /**
     * The latent value of free position {@code f} for a physical value.
     *
     * @param field the request field, for messages
     * @throws IllegalArgumentException when the value is not finite, outside the parameter's bounds or has
     *     no finite latent value, naming {@code field}
     */
    public double latent(int f, double physical, String field) {
        Layout layout = layout();
        int e = layout.freeElement(f);
        if (!Double.isFinite(physical)) {
            throw new IllegalArgumentException(field + " must be finite, got " + physical);
        }
        if (physical < layout.lowerBound(e) || physical > layout.upperBound(e)) {
            throw new IllegalArgumentException(field + " must be within the parameter's bounds [" + layout.lowerBound(e)
                    + ", " + layout.upperBound(e) + "], got " + physical);
        }
        double latent = layout.transform(e).inverse(physical);
        if (!Double.isFinite(latent)) {
            throw new IllegalArgumentException(field + " = " + physical + " has no finite latent value under the "
                    + "parameter's transform (e.g. a positive parameter needs a value > 0)");
        }
        return latent;
    }

    /**
     * Runs evaluate and the Jacobian at the nominal point, and every tenth round a 64-sample Monte Carlo
     * summary, for {@code time} (at least one round), so that the JIT has compiled these paths before
     * clients arrive. Uses one pooled workspace; call before serving.
     *
     * @return the rounds run
     */
    public int warmUp(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        double[] flat = nominalLatent();
        double[] value = new double[outputSize()];
        double[] jac = new double[flat.length * outputSize()];
        Workspace ws = workspaces.acquire();
        int rounds = 0;
        try {
            do {
                function.evaluate(flat, ws, value);
                function.jacobian(flat, Wrt.LATENT, ws, value, jac);
                if (rounds % 10 == 0) {
                    monteCarlo.summarize(rounds, 64, new double[] {0.5}, null, null);
                }
                rounds++;
            } while (System.nanoTime() - until < 0);
        } finally {
            workspaces.release(ws);
        }
        return rounds;
    }

    private Layout layout() {
        return function.layout();
    }
}
