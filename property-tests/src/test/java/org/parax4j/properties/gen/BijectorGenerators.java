package org.parax4j.properties.gen;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.parax4j.bijector.Affine;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Chain;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Identity;
import org.parax4j.bijector.Inverse;
import org.parax4j.bijector.Log;
import org.parax4j.bijector.Scale;
import org.parax4j.bijector.Shift;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.bijector.Softplus;
import org.parax4j.bijector.Tanh;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of bijectors of every kind, including nested {@link Chain} and
 * {@link Inverse}, each paired with a <em>reasonable</em> latent interval: one on which every
 * intermediate value stays finite and away from saturation (for instance Sigmoid is fed
 * [-8, 8], Exp [-4, 4], Log [0.05, 20]; the unit tests cover the far tails). Chains insert an {@link Affine} adapter that maps
 * one member's image onto the next member's interval when it does not already fit, so arbitrary
 * nestings stay well conditioned.
 */
public final class BijectorGenerators {

    /** Nesting depth of {@link #cases()}: chains of inverses of chains, and so on. */
    public static final int DEPTH = 2;

    private BijectorGenerators() {}

    /**
     * A bijector with a latent interval {@code [lo, hi]} ({@code lo < hi}, both finite) on which it
     * is finite and well conditioned.
     */
    public record Case(Bijector bijector, double lo, double hi) {

        /** The point {@code lo + u (hi - lo)} of the interval, for {@code u} in [0, 1]. */
        public double at(double u) {
            return Math.min(hi, lo + u * (hi - lo));
        }

        @Override
        public String toString() {
            return bijector.name() + " on [" + lo + ", " + hi + "]";
        }
    }

    /** Bijectors of every kind, nested up to {@link #DEPTH}. */
    public static Gen<Bijector> bijectors() {
        return cases().map(Case::bijector);
    }

    /** Bijectors of every kind with their reasonable latent intervals, nested up to {@link #DEPTH}. */
    public static Gen<Case> cases() {
        return cases(DEPTH);
    }

    /** Bijectors with their reasonable latent intervals, nested up to {@code depth}. */
    public static Gen<Case> cases(int depth) {
        if (depth <= 0) {
            return leaves();
        }
        Gen<Case> inner = cases(depth - 1);
        Gen<Case> inverses = inner.map(BijectorGenerators::inverseOf);
        Gen<Boolean> flips = booleans().all();
        Gen<Case> chains = in -> {
            int n = integers().between(1, 3).generate(in);
            List<Case> parts = new ArrayList<>();
            List<Boolean> flip = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parts.add(inner.generate(in));
                flip.add(flips.generate(in));
            }
            return chainOf(parts, flip);
        };
        return Generate.frequency(Pair.of(5, leaves()), Pair.of(2, inverses), Pair.of(3, chains));
    }

    /** The non-nested kinds: the affine family, Exp, Log, Softplus, Sigmoid, Tanh and interval(). */
    public static Gen<Case> leaves() {
        Gen<Double> shifts = doubles().between(-5, 5);
        Gen<Double> scales = doubles().between(0.1, 10).zip(booleans().all(), (m, negative) -> negative ? -m : m);
        Gen<Double> widths = doubles().between(0.01, 100);
        return Generate.oneOf(
                Generate.constant(new Case(Identity.INSTANCE, -10, 10)),
                shifts.map(s -> new Case(new Shift(s), -10, 10)),
                scales.map(c -> new Case(new Scale(c), -10, 10)),
                shifts.zip(scales, (s, c) -> new Case(new Affine(s, c), -10, 10)),
                Generate.constant(new Case(Exp.INSTANCE, -4, 4)),
                Generate.constant(new Case(Log.INSTANCE, 0.05, 20)),
                Generate.constant(new Case(Softplus.INSTANCE, -8, 8)),
                Generate.constant(new Case(Sigmoid.INSTANCE, -8, 8)),
                Generate.constant(new Case(Tanh.INSTANCE, -3, 3)),
                shifts.zip(widths, (lo, w) -> new Case(Bijector.interval(lo, lo + w), -10, 10)));
    }

    /** The inverse of {@code c}, on the image of {@code c}'s interval. */
    static Case inverseOf(Case c) {
        double[] image = c.bijector().mapInterval(c.lo(), c.hi());
        return new Case(new Inverse(c.bijector()), image[0], image[1]);
    }

    /**
     * Chains the parts in order on the first part's interval, inserting before part {@code i} an
     * affine map of the image so far onto its interval (reversed when {@code flip[i]}) unless the
     * image already fits; the image is tracked exactly, so adapters do not over-compress.
     */
    static Case chainOf(List<Case> parts, List<Boolean> flip) {
        List<Bijector> members = new ArrayList<>();
        Case first = parts.get(0);
        members.add(first.bijector());
        double[] image = first.bijector().mapInterval(first.lo(), first.hi());
        for (int i = 1; i < parts.size(); i++) {
            Case next = parts.get(i);
            boolean fits = image[0] >= next.lo() && image[1] <= next.hi();
            double[] input = image;
            if (!fits || flip.get(i)) {
                double scale = (next.hi() - next.lo()) / (image[1] - image[0]);
                if (flip.get(i)) {
                    members.add(new Affine(next.hi() + scale * image[0], -scale));
                } else {
                    members.add(new Affine(next.lo() - scale * image[0], scale));
                }
                input = new double[] {next.lo(), next.hi()};
            }
            members.add(next.bijector());
            image = next.bijector().mapInterval(input[0], input[1]);
        }
        return new Case(new Chain(members), first.lo(), first.hi());
    }
}
