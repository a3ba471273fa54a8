package org.parax4j.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.json.Json;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;
import org.parax4j.properties.gen.BijectorGenerators;
import org.parax4j.properties.gen.DistributionGenerators;
import org.parax4j.properties.gen.JsonMutations;
import org.parax4j.properties.gen.KernelGenerators;
import org.parax4j.properties.gen.ModuleTreeGenerators;
import org.parax4j.properties.gen.ParameterGenerators;
import org.parax4j.properties.gen.Theories;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The JSON fuzz net of issue 15: seeded random mutations ({@link JsonMutations}) of valid model,
 * parameter, distribution and bijector documents. Every load either succeeds with a valid object
 * (saving it and loading that again gives the same text, and it can be used) or throws an
 * {@link IllegalArgumentException} (the documented error of {@link ModuleJson#load} and
 * {@link Json#read}, {@link Json.JsonFormatException} included) whose message names a JSON path
 * ({@code $…}). Any other exception type, or a load slower than {@link #budgetNanos}, fails the
 * property. The default run loads {@value #DEFAULT_DOCUMENTS} documents ({@value #MUTATIONS}
 * mutations of each of {@value #DEFAULT_BASES} generated bases; QuickTheories may skip a repeated
 * base, so at least 90% of that, over 10,000, is required); {@code -Dparax4j.properties.examples=N}
 * sets the number of bases, {@code -Dparax4j.properties.seed=N} replays a printed seed.
 */
class JsonFuzzProperties {

    private static final long SEED = 20261205L;
    /** Base documents per default run; each is mutated {@link #MUTATIONS} times. */
    private static final int DEFAULT_BASES = 3_000;
    private static final int MUTATIONS = 4;
    /** The longest error message allowed: inputs are echoed in bounded form only. */
    private static final int MAX_MESSAGE = 4000;
    /** Documents in the default run: {@value #DEFAULT_BASES} bases times {@value #MUTATIONS} mutations. */
    private static final int DEFAULT_DOCUMENTS = DEFAULT_BASES * MUTATIONS;

    /** What a document is and how it is loaded and saved again. */
    private enum Kind {
        MODULE(ModuleJson::load, m -> ModuleJson.save((Module<?>) m)),
        PARAMETER(Parameter::fromJson, p -> ((Parameter) p).toJson()),
        DISTRIBUTION(json -> Json.read(json, Distribution.class), Json::write),
        BIJECTOR(json -> Json.read(json, Bijector.class), Json::write);

        final Function<String, Object> load;
        final Function<Object, String> save;

        Kind(Function<String, Object> load, Function<Object, String> save) {
            this.load = load;
            this.save = save;
        }
    }

    /** A valid document of one kind. */
    private record Doc(Kind kind, String json) {}

    static {
        ModuleJson.register(ReferenceModel.class);
        ModuleJson.register(ReferenceModel.Resonator.class);
        ModuleJson.register(ReferenceModel.Discrepancy.class);
    }

    private static Gen<Doc> documents() {
        Doc reference = new Doc(Kind.MODULE, ModuleJson.save(ReferenceModel.create()));
        Gen<Doc> trees = ModuleTreeGenerators.trees().map(c -> new Doc(Kind.MODULE, ModuleJson.save(c.root())));
        Gen<Doc> kernels = KernelGenerators.kernels(2).map(k -> new Doc(Kind.MODULE, ModuleJson.save(k)));
        Gen<Doc> parameters = ParameterGenerators.parameters().map(p -> new Doc(Kind.PARAMETER, p.toJson()));
        Gen<Doc> distributions = DistributionGenerators.distributions()
                .map(d -> new Doc(Kind.DISTRIBUTION, Json.write(d)));
        Gen<Doc> bijectors = BijectorGenerators.bijectors().map(b -> new Doc(Kind.BIJECTOR, Json.write(b)));
        return Generate.oneOf(Generate.constant(reference), trees, kernels, parameters, distributions, bijectors);
    }

    /**
     * The CPU time one load may take (the loading thread's own, so that other processes on a busy
     * CI machine do not count): 500 ms plus 2 µs per character, far above the measured cost (under
     * 140 ms, the first load with its class loading included) and far below what a quadratic or
     * exponential blow-up needs (an unbounded edit distance on a 100,000-character name took
     * minutes).
     */
    private static long budgetNanos(String json) {
        return 500_000_000L + 2_000L * json.length();
    }

    @Test
    void everyMutatedDocumentLoadsValidlyOrFailsWithANamedJsonPath() {
        AtomicInteger loaded = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicLong slowest = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        // no shrinking: the failure message already carries the base document and the mutation seed
        int bases = Theories.examples(DEFAULT_BASES);
        Theories.theory(SEED).withExamples(bases).withShrinkCycles(0)
                .forAll(documents(), Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE))
                .checkAssert((doc, first) -> {
                    for (int k = 0; k < MUTATIONS; k++) {
                        check(doc, first + k * 0x9E3779B97F4A7C15L, loaded, rejected, slowest, threads);
                    }
                });
        int total = loaded.get() + rejected.get();
        System.out.printf("JSON fuzz: %d documents (%d loaded, %d rejected) in %.1f s (%.1f s of CPU), slowest load "
                + "%.2f ms of CPU%n", total, loaded.get(), rejected.get(), (System.nanoTime() - start) / 1e9,
                (threads.getCurrentThreadCpuTime() - startCpu) / 1e9, slowest.get() / 1e6);
        assertTrue(total >= MUTATIONS * bases * 9 / 10, "documents checked: " + total);
    }

    /** Loads one mutation of {@code doc} and checks the outcome. */
    private static void check(Doc doc, long seed, AtomicInteger loaded, AtomicInteger rejected, AtomicLong slowest,
            ThreadMXBean threads) {
        String json = JsonMutations.mutate(doc.json(), seed);
        long t0 = threads.getCurrentThreadCpuTime();
        Object value;
        try {
            value = doc.kind().load.apply(json);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            assertTrue(message.contains("$"), () -> "no JSON path in: " + message + "\n" + describe(doc,
                    seed, json));
            assertTrue(message.length() <= MAX_MESSAGE, () -> "a message of " + message.length() + " characters: "
                    + message.substring(0, 500) + "\n" + describe(doc, seed, json));
            rejected.incrementAndGet();
            return;
        } catch (Throwable e) {
            fail(e + "\n" + describe(doc, seed, json), e);
            return;
        } finally {
            long took = threads.getCurrentThreadCpuTime() - t0;
            slowest.accumulateAndGet(took, Math::max);
            assertTrue(took <= budgetNanos(json), () -> "load took " + took / 1e6 + " ms of CPU\n"
                    + describe(doc, seed, json));
        }
        assertValid(doc.kind(), value, doc, seed, json);
        loaded.incrementAndGet();
    }

    /**
     * A loaded object is valid: saved and loaded again it gives the same text, and it can be used
     * (a module's parameter names and distribution, a distribution's draw).
     */
    private static void assertValid(Kind kind, Object value, Doc doc, long seed, String json) {
        try {
            String saved = kind.save.apply(value);
            String again = kind.save.apply(kind.load.apply(saved));
            assertTrue(saved.equals(again), () -> "saving the loaded object is not stable:\n" + saved + "\n" + again
                    + "\n" + describe(doc, seed, json));
            if (value instanceof Module<?> m) {
                m.flatParamNames();
                m.distribution();
            } else if (value instanceof Distribution d) {
                d.sample(new SplittableRandom(seed));
            }
        } catch (IllegalArgumentException e) {
            if (value instanceof Module<?> m && String.valueOf(e.getMessage()).contains("is used")) {
                return; // a loaded tree may have colliding names; validateParams reports them
            }
            fail("the loaded object is not usable: " + e + "\n" + describe(doc, seed, json), e);
        } catch (RuntimeException e) {
            fail("the loaded object is not usable: " + e + "\n" + describe(doc, seed, json), e);
        }
    }

    private static String describe(Doc doc, long seed, String json) {
        String shown = json.length() > 2000 ? json.substring(0, 2000) + "… (" + json.length() + " chars)" : json;
        return "kind " + doc.kind() + ", mutation seed " + seed + "\nbase: " + doc.json() + "\nmutated: " + shown;
    }
}
