package org.example.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parax4j.engine.EngineInfo;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.kernel.RBFKernel;

/**
 * A service-style user of parax4j: at start-up it reports the engine on its health endpoint (here:
 * standard output), then answers a request by computing an RBF kernel matrix. It depends only on
 * the published artifacts {@code parax4j-engine} (and, through it, {@code parax4j-modules-api}) and
 * binds no SLF4J provider, like a service that has not configured logging.
 */
public final class SimilarityService {

    private final org.parax4j.engine.kernel.Kernel kernel = ModuleKernels.of(new RBFKernel(0.5));

    /** What a health endpoint would return: the engine's implementation, width, cores and fallback. */
    Map<String, Object> health() {
        EngineInfo engine = EngineInfo.current();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("implementation", engine.simd() ? "vector-api" : "scalar");
        health.put("vectorBits", engine.vectorBits());
        health.put("cores", engine.cores());
        health.put("fallback", engine.fallback().orElse("none"));
        return health;
    }

    /** One request: the sum of the entries of K(X, X) for n points on a line. */
    double similaritySum(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.01 * i;
        }
        double[] k = KernelMatrices.gram(kernel, x, n, 1);
        double sum = 0;
        for (double v : k) {
            sum += v;
        }
        return sum;
    }

    /** Starts the service, prints its health and one answer. */
    public static void main(String[] args) {
        SimilarityService service = new SimilarityService();
        Module module = SimilarityService.class.getModule();
        System.out.println("module: " + (module.isNamed() ? module.getName() : "unnamed (class path)"));
        System.out.println("health: " + service.health());
        System.out.printf(java.util.Locale.ROOT, "answer: sum K(X, X), n = 300: %.17g%n", service.similaritySum(300));
    }
}
