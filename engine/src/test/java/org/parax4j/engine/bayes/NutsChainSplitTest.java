package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chains run one at a time (as on cluster machines) and joined equal the chains of one {@code sample}. */
class NutsChainSplitTest {

    /** A correlated 2-D Gaussian (correlation 0.8), so adaptation and the metric matter. */
    static LogDensity correlated() {
        return LogDensity.of(2, (x, g) -> {
            double a = x[0];
            double b = x[1];
            double det = 1 - 0.64;
            g[0] = -(a - 0.8 * b) / det;
            g[1] = -(b - 0.8 * a) / det;
            return -0.5 * (a * a - 1.6 * a * b + b * b) / det;
        });
    }

    /** Asserts that two runs have the same chains, draws and statistics, bit for bit. */
    static void assertSameRun(NutsResult expected, NutsResult actual) {
        assertEquals(expected.chains(), actual.chains());
        for (int c = 0; c < expected.chains(); c++) {
            assertArrayEquals(expected.chainDraws(c), actual.chainDraws(c), "chain " + c);
        }
        assertArrayEquals(expected.stepSizes(), actual.stepSizes());
        assertArrayEquals(expected.meanAcceptance(), actual.meanAcceptance());
        assertArrayEquals(expected.eBfmi(), actual.eBfmi());
        assertEquals(expected.gradientEvaluations(), actual.gradientEvaluations());
        assertEquals(expected.divergences().size(), actual.divergences().size());
        for (int c = 0; c < expected.chains(); c++) {
            assertArrayEquals(expected.inverseMetrics()[c], actual.inverseMetrics()[c], "metric of chain " + c);
        }
    }

    @Test
    void oneChainAtATimeGivesTheChainsOfSample() throws IOException, ClassNotFoundException {
        Nuts nuts = Nuts.defaults().withSeed(17).withWarmup(150).withDraws(80).withChains(3);
        NutsResult whole = nuts.sample(correlated(), null, Runnable::run);
        List<NutsResult> parts = new ArrayList<>();
        for (int c = 0; c < nuts.chains(); c++) {
            parts.add(roundTrip(nuts).sampleChain(correlated(), null, c));
        }
        NutsResult joined = NutsResult.concat(parts);
        assertSameRun(whole, joined);
        assertSameRun(whole, roundTrip(joined));
        assertEquals(whole.summary(List.of("a", "b")), joined.summary(List.of("a", "b")));
    }

    @Test
    void badChainsAndMismatchedPartsAreNamed() {
        Nuts nuts = Nuts.defaults().withWarmup(10).withDraws(5).withChains(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> nuts.sampleChain(correlated(), null, 2));
        assertEquals("chain must be in [0, 2), got 2", e.getMessage());
        NutsResult a = nuts.sampleChain(correlated(), null, 0);
        NutsResult b = nuts.withDraws(6).sampleChain(correlated(), null, 1);
        e = assertThrows(IllegalArgumentException.class, () -> NutsResult.concat(List.of(a, b)));
        assertEquals("parts[1] has dimension 2, 6 draws per chain and maximum tree depth 10; parts[0] has 2, 5 and 10",
                e.getMessage());
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
