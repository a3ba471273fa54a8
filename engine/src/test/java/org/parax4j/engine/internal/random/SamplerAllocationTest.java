package org.parax4j.engine.internal.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Once compiled, the vector samplers allocate nothing: a vector that C2 cannot keep in registers
 * is boxed on the heap (96 bytes for 512 bits), and one such box per chunk is easy to miss in a
 * benchmark of 10⁷ samples (0.05 B per sample). Interpreted code allocates, so each kernel is run
 * until its calls allocate nothing, for at most {@value #ATTEMPTS} rounds.
 *
 * <p>Tagged {@code own-jvm}: the engine's build runs it in a JVM of its own. Where other tests have
 * already run the kernels at several vector widths, their call sites are polymorphic, C2 cannot
 * intrinsify them and vectors are boxed (an artefact of testing every width in one JVM; an
 * application uses one width).
 */
@Tag("own-jvm")
public class SamplerAllocationTest {

    private static final int ATTEMPTS = 400;
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    @Test
    void samplersAllocateNothingOnceCompiled() {
        RandomKernels kernels = RandomKernels.get();
        double[] out = new double[3 * PanamaRandomKernels.CHUNK + 21];
        TruncationConstants truncation = new TruncationConstants(0.001, 0.998, -3.09, 3.09, 1.5, 2.0, -4.68, 7.68);
        assertEquals(0, steadyAllocation(() -> kernels.normals(1, GAMMA, 5, 0, 1, out, 0, out.length)), "normals");
        assertEquals(0, steadyAllocation(() -> kernels.logNormals(1, GAMMA, 5, 0, 1, out, 0, out.length)), "log-normals");
        assertEquals(0, steadyAllocation(() -> kernels.uniforms(1, GAMMA, 5, 0, 1, out, 0, out.length)), "uniforms");
        assertEquals(0, steadyAllocation(() -> kernels.truncatedNormals(1, GAMMA, 5, truncation, out, 0, out.length)),
                "truncated normals");
        assertEquals(0, steadyAllocation(() -> kernels.exp(out, 0, out, 0, out.length)), "exp");
    }

    /**
     * Bytes allocated by ten calls, after warming up until ten calls allocate nothing (or giving up);
     * shared with the other steady-state allocation tests.
     */
    public static long steadyAllocation(Runnable call) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        long bytes = -1;
        for (int attempt = 0; attempt < ATTEMPTS && bytes != 0; attempt++) {
            for (int warm = 0; warm < 50; warm++) {
                call.run();
            }
            long before = mx.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 10; i++) {
                call.run();
            }
            bytes = mx.getThreadAllocatedBytes(thread) - before;
        }
        return bytes;
    }
}
