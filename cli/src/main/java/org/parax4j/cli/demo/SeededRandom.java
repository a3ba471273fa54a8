package org.parax4j.cli.demo;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The command line's random generators: {@code L64X128MixRandom} (a LXM generator of
 * {@code java.util.random}; Steele and Vigna, "LXM: better splittable pseudorandom number
 * generators (and almost as fast)", OOPSLA 2021), seeded by the user's {@code --seed}, so that a
 * seed gives the same draws on every JVM. Stateless.
 */
public final class SeededRandom {

    /** The algorithm name passed to {@link RandomGeneratorFactory#of}. */
    public static final String ALGORITHM = "L64X128MixRandom";

    private SeededRandom() {}

    /** A new generator seeded with {@code seed}. Allocates. The generator is not thread-safe. */
    public static RandomGenerator of(long seed) {
        return RandomGeneratorFactory.of(ALGORITHM).create(seed);
    }
}
