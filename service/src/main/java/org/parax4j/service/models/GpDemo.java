package org.parax4j.service.models;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.json.Json;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;

/**
 * The built-in GP demo model served as {@value ModelRegistry#DISCREPANCY}: a one-dimensional GP over
 * the reference model's frequency grid (GHz) fitted to a seeded synthetic model discrepancy, so that
 * {@code ./parax4j serve} answers GP predict out of the box. Stateless.
 */
public final class GpDemo {

    /** Seed of the synthetic discrepancy's noise. */
    public static final long SEED = 2026;

    /** Every how many grid frequencies a training point is taken. */
    public static final int STRIDE = 5;

    private GpDemo() {}

    /**
     * The demo's GP definition ({@link ServedGp} format): kernel {@code σ²·RBF(ℓ) + white noise},
     * normalised targets, fitted at start-up with 2 further seeded starts; training inputs every
     * {@value #STRIDE}th frequency of {@link ReferenceModel#frequencies()} (40 points), targets
     * {@code 0.03·sin(2π(f − 1.8)/0.6) + 0.01·(f − 2.4) + 0.003·z} with {@code z} standard normal from
     * {@code SplittableRandom(SEED)}. Same text on every call; allocates it.
     */
    public static String definition() {
        ObjectNode root = Json.mapper().createObjectNode();
        var kernel = new ScaleKernel(new RBFKernel(0.2), Parameter.of(1.0), Meta.NONE)
                .plus(new WhiteNoiseKernel(Parameter.of(0.1), Meta.NONE));
        root.set("kernel", Json.readTree(ModuleJson.save(kernel), GpDemo.class));
        double[] f = ReferenceModel.frequencies();
        SplittableRandom rng = new SplittableRandom(SEED);
        ArrayNode x = root.putArray("x");
        ArrayNode y = root.putArray("y");
        for (int i = 0; i < f.length; i += STRIDE) {
            x.addArray().add(f[i]);
            y.add(0.03 * Math.sin(2 * Math.PI * (f[i] - 1.8) / 0.6) + 0.01 * (f[i] - 2.4) + 0.003 * rng.nextGaussian());
        }
        root.put("normalizeY", true);
        root.put("fit", true);
        root.put("restarts", 2);
        root.put("seed", 42);
        return root.toString();
    }
}
