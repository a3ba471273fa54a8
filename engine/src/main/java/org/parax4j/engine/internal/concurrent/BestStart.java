package org.parax4j.engine.internal.concurrent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import org.parax4j.engine.EngineOptions;

/**
 * The engine's one multi-start pattern: independent fits from numbered starts run on the calling
 * thread and helpers on an {@link EngineOptions} executor ({@link Crew#forEach}), and the best one
 * (lowest objective, lowest index on ties) is kept. A start whose fit throws an
 * {@link IllegalArgumentException} (e.g. a model not finite there) is recorded as failed with its
 * message; any other exception ends the run. Each start's result depends only on its index, so the
 * outcome is the same for any executor and parallelism. Used by the least-squares and likelihood
 * fits ({@code fit.MultiStart}) and {@code GaussianProcess.fit}. Stateless.
 */
public final class BestStart {

    private BestStart() {}

    /**
     * What every start gave.
     *
     * @param results each start's result, {@code null} for a failed start (unmodifiable, nulls allowed)
     * @param failures each failed start's message ({@code "start i: message"}), in start order
     * @param best index of the best result
     * @param <R> the result type
     */
    public record Outcomes<R>(List<R> results, List<String> failures, int best) {

        /** The best result. */
        public R bestResult() {
            return results.get(best);
        }
    }

    /**
     * Runs {@code fitOne} for starts {@code 0 … count − 1} and picks the best.
     *
     * @param options executor and parallelism cap for the starts
     * @param count number of starts, {@code ≥ 1}
     * @param fitOne the fit from start {@code i}; may throw {@link IllegalArgumentException} to fail it
     * @param objective the value to minimise of a result
     * @return the outcomes
     * @throws IllegalArgumentException when {@code count < 1}
     * @throws IllegalStateException when every start failed, with the first failure's message
     */
    public static <R> Outcomes<R> run(EngineOptions options, int count, IntFunction<R> fitOne,
            ToDoubleFunction<R> objective) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        Object[] outcome = new Object[count];
        Crew.forEach(options.executor(), options.parallelism(), count, i -> {
            try {
                outcome[i] = new Result<>(fitOne.apply(i));
            } catch (IllegalArgumentException e) {
                outcome[i] = "start " + i + ": " + e.getMessage();
            }
        });
        List<R> results = new ArrayList<>(count);
        List<String> failures = new ArrayList<>();
        int best = -1;
        for (int i = 0; i < count; i++) {
            if (outcome[i] instanceof Result<?> r) {
                @SuppressWarnings("unchecked")
                R value = (R) r.value();
                results.add(value);
                if (best < 0 || objective.applyAsDouble(value) < objective.applyAsDouble(results.get(best))) {
                    best = i;
                }
            } else {
                results.add(null);
                failures.add((String) outcome[i]);
            }
        }
        if (best < 0) {
            throw new IllegalStateException("every one of " + count + " starts failed; first: " + failures.get(0));
        }
        return new Outcomes<>(Collections.unmodifiableList(results), List.copyOf(failures), best);
    }

    /** A start's result (wrapped so that a failure's message cannot be mistaken for a result). */
    private record Result<R>(R value) {}
}
