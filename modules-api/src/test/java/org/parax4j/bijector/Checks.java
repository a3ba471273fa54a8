package org.parax4j.bijector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the bijector tests. */
final class Checks {

    static final double LN2 = Math.log(2);

    private Checks() {}

    /** {@code |actual - expected| <= tol * max(1, |expected|)}. */
    static void close(double expected, double actual, double tol, String what) {
        double err = Math.abs(actual - expected);
        assertTrue(err <= tol * Math.max(1, Math.abs(expected)),
                what + ": expected " + expected + ", got " + actual + " (error " + err + ")");
    }

    /** Relative error at most {@code tol} (expected non-zero). */
    static void relClose(double expected, double actual, double tol, String what) {
        double err = Math.abs(actual - expected) / Math.abs(expected);
        assertTrue(err <= tol, what + ": expected " + expected + ", got " + actual + " (relative error " + err + ")");
    }

    /** Checks the contract at {@code x}: round trip, derivative vs log-det, inverse log-det. */
    static void consistentAt(Bijector b, double x, double tol) {
        double y = b.forward(x);
        close(x, b.inverse(y), tol, b.name() + " inverse(forward(" + x + "))");
        close(b.forwardLogDetJacobian(x), Math.log(Math.abs(b.forwardDerivative(x))), tol,
                b.name() + " log|derivative| at " + x);
        close(-b.forwardLogDetJacobian(x), b.inverseLogDetJacobian(y), tol, b.name() + " inverse log-det at " + y);
        assertEquals(b.isIncreasing(), b.forwardDerivative(x) > 0, b.name() + " sign of derivative at " + x);
    }
}
