package org.parax4j.engine.internal.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Runs one {@link PanamaMath} function on one vector read from an array, for
 * {@link PanamaMathTwinTest}: the test class itself names no incubator type, so that JUnit can
 * discover it in a JVM without {@code jdk.incubator.vector} (Surefire's own-jvm execution).
 */
final class PanamaMathLanes {

    private PanamaMathLanes() {}

    /** The functions, by name: exp, log, log1p, logNormal, sinPi, sin, cos, expm1, tanh, sigmoid, softplus, sign, hypot. */
    static void apply(int bits, String function, double[] x, int from, double[] out) {
        VectorSpecies<Double> s = VectorSpecies.of(double.class, VectorShape.forBitSize(bits));
        DoubleVector v = DoubleVector.fromArray(s, x, from);
        VectorMask<Double> unreducible = v.abs().compare(VectorOperators.LE, TrigMath.REDUCTION_LIMIT).not();
        DoubleVector ta = PanamaMath.expTable(s, 0);
        DoubleVector tb = PanamaMath.expTable(s, 1);
        DoubleVector tc = PanamaMath.expTable(s, 2);
        DoubleVector td = PanamaMath.expTable(s, 3);
        DoubleVector result = switch (function) {
            case "exp" -> PanamaMath.exp(v, ta, tb, tc, td);
            case "expm1" -> PanamaMath.expm1(v, ta, tb, tc, td);
            case "tanh" -> PanamaMath.tanh(v, ta, tb, tc, td);
            case "sigmoid" -> PanamaMath.sigmoid(v, ta, tb, tc, td);
            case "softplus" -> PanamaMath.softplus(v, ta, tb, tc, td);
            case "sign" -> PanamaMath.sign(v);
            // hypot of each argument and the next one
            case "hypot" -> PanamaMath.hypot(v, DoubleVector.fromArray(s, x, from + 1));
            case "log" -> PanamaMath.log(v);
            case "log1p" -> PanamaMath.log1p(v);
            case "logNormal" -> PanamaMath.logNormal(v);
            case "sinPi" -> PanamaMath.sinPi(v);
            // Lanes beyond the reduction limit are the caller's: 0 stands in for them.
            case "sin" -> PanamaMath.sin(v.blend(0.0, unreducible));
            case "cos" -> PanamaMath.cos(v.blend(0.0, unreducible));
            default -> throw new IllegalArgumentException("no function " + function);
        };
        result.intoArray(out, 0);
    }

    /** {@link TrigMath#sinOfBits} ({@code sine}) or {@link TrigMath#cosOfBits} of each lane of {@code k}. */
    static void ofBits(int bits, long[] k, boolean sine, double[] out) {
        VectorSpecies<Long> s = VectorSpecies.of(long.class, VectorShape.forBitSize(bits));
        LongVector angle = LongVector.fromArray(s, k, 0);
        DoubleVector theta = ((DoubleVector) angle.and(TrigMath.FRACTION_51).convert(VectorOperators.L2D, 0))
                .mul(TrigMath.TWO_POW_M51).sub(0.5).mul(TrigMath.PI_2);
        DoubleVector sinTheta = PanamaMath.sinKernel(theta);
        DoubleVector cosTheta = PanamaMath.cosKernel(theta);
        DoubleVector sinPhi = cosTheta.add(sinTheta).mul(TrigMath.SQRT_HALF);
        DoubleVector cosPhi = cosTheta.sub(sinTheta).mul(TrigMath.SQRT_HALF);
        LongVector quadrant = angle.lanewise(VectorOperators.LSHR, 51);
        PanamaMath.quadrant(sinPhi, cosPhi, sine ? quadrant : quadrant.add(1L)).intoArray(out, 0);
    }

    /** The float exp (without range handling) of one vector of {@code x} from {@code from}. */
    static void expFloat(int bits, float[] x, int from, float[] out) {
        VectorSpecies<Float> s = VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
        PanamaMath.expUnflushed(FloatVector.fromArray(s, x, from), PanamaMath.expTableFloat(s, 0),
                PanamaMath.expTableFloat(s, 1), PanamaMath.expTableFloat(s, 2), PanamaMath.expTableFloat(s, 3))
                .intoArray(out, 0);
    }
}
