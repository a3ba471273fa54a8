package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void noArgumentsRunsTheDemo() {
        assertEquals(0, run());
        String text = out.toString();
        assertTrue(text.contains("parax4j engine:"), text);
        assertTrue(text.contains("RBF kernel matrix"), text);
        // exp(0) on the diagonal of the 5-point grid
        assertTrue(text.contains(" 1.00000"), text);
    }

    @Test
    void demoPrintsTheKernelValueOfNeighbouringPoints() {
        assertEquals(0, run("demo", "--points", "2", "--length-scale", "1"));
        // points 0 and 1, length scale 1: exp(-0.5) = 0.60653
        assertTrue(out.toString().contains("0.60653"), out.toString());
    }

    @Test
    void invalidPointCountFailsWithNonZeroStatus() {
        assertEquals(2, run("demo", "--points", "0"));
        assertTrue(err.toString().contains("--points must be >= 1, got 0"), err.toString());
    }
}
