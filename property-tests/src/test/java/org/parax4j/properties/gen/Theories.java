package org.parax4j.properties.gen;

import static org.quicktheories.QuickTheory.qt;

import org.quicktheories.QuickTheory;

/**
 * The one place where property tests get their QuickTheories runner: a fixed default seed per
 * suite (CI is deterministic), {@code -Dparax4j.properties.seed=N} to replay the seed that a
 * failure printed, and {@code -Dparax4j.properties.examples=N} to widen the search locally.
 */
public final class Theories {

    /** System property that overrides every suite's seed (to replay a printed failure). */
    public static final String SEED_PROPERTY = "parax4j.properties.seed";

    /** System property with the example count (0 or unset = each property's default). */
    public static final String EXAMPLES_PROPERTY = "parax4j.properties.examples";

    private Theories() {}

    /** A runner seeded with {@code defaultSeed} unless overridden, with the configured example count. */
    public static QuickTheory theory(long defaultSeed) {
        QuickTheory qt = qt().withFixedSeed(Long.getLong(SEED_PROPERTY, defaultSeed));
        int examples = Integer.getInteger(EXAMPLES_PROPERTY, 0);
        return examples > 0 ? qt.withExamples(examples) : qt;
    }

    /** The configured example count, or {@code fallback} when unset. */
    public static int examples(int fallback) {
        int n = Integer.getInteger(EXAMPLES_PROPERTY, 0);
        return n > 0 ? n : fallback;
    }

    /**
     * The significance level for each example of a statistical property whose default example count
     * is {@code defaultExamples}: {@code level} at that count, and {@code level·defaultExamples/n}
     * when the search is widened to {@code n} examples (Bonferroni), so that a wider search does
     * not raise the chance of a false alarm (at 1e-3 per example, 3 000 examples would reject about
     * three correct samplers by chance).
     */
    public static double level(double level, int defaultExamples) {
        return level * Math.min(1.0, defaultExamples / (double) examples(defaultExamples));
    }
}
