package org.parax4j.engine.graph;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.parax4j.module.FiniteDifferences;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;
import org.parax4j.module.SensitivityKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jacobians and sensitivities of <em>opaque</em> functions — plain Java lambdas the engine cannot
 * look into — by central finite differences: {@code (f(θ + h·e_k) − f(θ − h·e_k)) / 2h} with
 * {@code h = 1e-6·max(1, |θ_k|)} in the latent flat vector. This costs {@code 2·numParams}
 * evaluations and has truncation and round-off error (typically 1e-8 relative for smooth
 * functions); record the function with {@link ModelFunction#record} for exact derivatives at a
 * fraction of the cost. The first use logs one INFO line saying so.
 *
 * <p>Stateless and thread-safe; every method allocates its results.
 */
public final class OpaqueFunctions {

    private static final Logger LOG = LoggerFactory.getLogger(OpaqueFunctions.class);
    private static final AtomicBoolean LOGGED = new AtomicBoolean();

    private OpaqueFunctions() {}

    private static void logOnce() {
        if (LOGGED.compareAndSet(false, true)) {
            LOG.info("parax4j: Jacobian of an opaque function by central finite differences (2 evaluations per "
                    + "parameter, approximate); record it with ModelFunction.record for exact dual-number derivatives");
        }
    }

    /**
     * {@code module.funcJacobian(func)}: central finite differences over the latent flat vector,
     * keyed by free flat name.
     *
     * @throws IllegalArgumentException when {@code func} returns null or outputs of varying length
     */
    public static <M extends Module<?>> Map<String, double[]> funcJacobian(M module, Function<M, double[]> func) {
        Objects.requireNonNull(module, "module");
        logOnce();
        return module.funcJacobian(m -> func.apply(Modules.sameType(module, m)));
    }

    /** {@code module.funcSensitivity(func, kind)} by central finite differences (see the class documentation). */
    public static <M extends Module<?>> Map<String, double[]> funcSensitivity(M module, Function<M, double[]> func,
            SensitivityKind kind) {
        Objects.requireNonNull(module, "module");
        logOnce();
        return module.funcSensitivity(m -> func.apply(Modules.sameType(module, m)), kind);
    }

    /**
     * The Jacobian of {@code func} at {@code theta} by central finite differences:
     * {@code result[k][i] = d func(θ)_i / d θ_k}.
     *
     * @param func a function of the flat vector; must return arrays of one length and not keep or
     *     modify its argument
     * @param theta the point. Not modified.
     * @throws IllegalArgumentException when theta holds a non-finite value, or func returns null or
     *     outputs of varying length
     */
    public static double[][] jacobian(UnaryOperator<double[]> func, double[] theta) {
        logOnce();
        return FiniteDifferences.centralJacobian(func, theta);
    }
}
