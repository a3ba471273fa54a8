package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stan's warm-up schedule and the dual-averaging step size. */
class AdaptationTest {

    private static List<Integer> windowEnds(int warmup, double[] metric) {
        Adaptation a = new Adaptation(1, warmup, 0.8);
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            if (a.learnVariance(metric, new double[] {i % 2 == 0 ? 1 : -1})) {
                ends.add(i);
            }
        }
        return ends;
    }

    @Test
    void windowsAreStansSchedule() {
        double[] metric = {1};
        // 75 fast, slow windows of 25, 50, 100, 200, 500 (the last stretched to the terminal buffer), 50 fast
        assertEquals(List.of(99, 149, 249, 449, 949), windowEnds(1000, metric));
        // last window: draws 450..949 alternate ±1, variance 500/499; regularised n/(n+5)·v + 1e-3·5/(n+5)
        assertEquals(500.0 / 505 * (500.0 / 499) + 1e-3 * 5 / 505, metric[0], 1e-15);
        // short warm-up: 15 % / 75 % / 10 %
        assertEquals(List.of(89), windowEnds(100, metric));
        assertEquals(List.of(), windowEnds(19, metric));
    }

    @Test
    void dualAveragingConvergesToTheStepSizeGivingTheTarget() {
        // acceptance falls with ε as exp(−ε): the target 0.8 is reached at ε = ln 1.25
        Adaptation a = new Adaptation(1, 1000, 0.8);
        a.restartStepSize(1);
        double eps = 1;
        for (int i = 0; i < 2000; i++) {
            eps = a.learnStepSize(Math.exp(-eps));
        }
        // x̄ averages the iterates with weights t^−0.75, so the early ones still pull it by about 1 %
        assertEquals(Math.log(1.25), a.finalStepSize(), 0.02 * Math.log(1.25));
    }

    @Test
    void aDenseWindowShorterThanTwiceTheDimensionKeepsOnlyTheDiagonal() {
        // d = 20, warm-up 1000: windows of 25 draws (< 40) give a diagonal metric, the 50-draw window a
        // dense one; the draws are perfectly correlated (x_i = t for all i), so the covariance is all-equal
        int d = 20;
        Adaptation a = new Adaptation(d, 1000, 0.8, true);
        double[] metric = new double[d * d];
        List<double[]> afterWindow = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double[] q = new double[d];
            java.util.Arrays.fill(q, Math.sin(i));
            if (a.learnVariance(metric, q)) {
                afterWindow.add(metric.clone());
            }
        }
        double[] first = afterWindow.get(0);
        double[] second = afterWindow.get(1);
        assertEquals(0.0, first[1]);
        assertEquals(0.0, first[d + 2]);
        assertTrue(first[0] > 0.1 && first[d + 1] > 0.1, "variances " + first[0] + ", " + first[d + 1]);
        // the second window (50 draws ≥ 2·d): off-diagonal = variance without the 1e-3 regularisation
        assertEquals(second[0] - 1e-3 * 5 / 55, second[1], 1e-12);
        assertTrue(second[1] > 0.1, "covariance " + second[1]);
    }
}
