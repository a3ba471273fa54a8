package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.kernel.Kernel;

/**
 * Sizes whose dense matrices cannot fit the heap are refused before anything is allocated, with a
 * message saying how much heap they need and what to do instead.
 */
class GpScaleTest {

    @Test
    void aTrainingSetTooLargeForTheHeapIsRefusedWithWhatToDo() {
        int n = 40_000; // two 40,000² double matrices: 28 GB, more than any test JVM's heap
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i * 1e-3;
            y[i] = Math.sin(x[i]);
        }
        GaussianProcess gp = GaussianProcess.of(Kernel.rbf(1.0).plus(new Kernel.WhiteNoise(0.1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gp.fit(x, n, 1, y, 0, 1));
        assertTrue(e.getMessage().startsWith("fitting a Gaussian process on n = 40000 training points holds 2 dense"),
                e.getMessage());
        assertTrue(e.getMessage().contains("raise the heap (-Xmx") && e.getMessage().contains("random subset of at most"),
                e.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> gp.condition(x, n, 1, y));
        assertTrue(c.getMessage().startsWith("conditioning a Gaussian process on n = 40000"), c.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gp.newWorkspace(x, n, 1, y, false));
        assertThrows(IllegalArgumentException.class, () -> gp.logMarginalLikelihood(x, n, 1, y));
    }

    @Test
    void theLargestSizeFollowsTheHeap() {
        // 4 GB heap, two matrices: sqrt(4 GiB / (1.1·16)) ≈ 15,620 — so n = 10,000 fits a 4 GB heap.
        int largest = Training.largest(2, 4L << 30);
        assertTrue(largest > 10_000 && largest < 16_000, "largest n in 4 GB: " + largest);
    }
}
