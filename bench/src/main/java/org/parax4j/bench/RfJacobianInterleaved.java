package org.parax4j.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The contenders of {@link RfJacobianBenchmark} timed call by call, interleaved in one JVM
 * (plain evaluation, recorded Jacobian, and the two Hipparchus Jacobians, {@code FieldComplex<Gradient>}
 * and {@code Gradient} pairs, every 10th call), so that
 * machine load hits them alike: prints, per round, the best and the median of each and their
 * ratios. Hipparchus needs about a thousand calls before C2 reaches its steady state, so use
 * enough calls per round (the default is 6000, of which 600 of each Hipparchus form) and read the later rounds.
 *
 * <p>The two Hipparchus forms share {@code Gradient}'s methods, so timing both in one JVM changes
 * how C2 compiles each (FieldComplex settles near 630 µs alone, near 740 µs beside the pairs): the
 * optional third argument times one of them only.
 *
 * <p>Usage: {@code java --add-modules=jdk.incubator.vector -cp benchmarks.jar
 * org.parax4j.bench.RfJacobianInterleaved [callsPerRound [rounds [both|fieldcomplex|pairs]]]}.
 */
public final class RfJacobianInterleaved {

    private RfJacobianInterleaved() {}

    /**
     * Runs the rounds and prints one line per round.
     *
     * @param args optional calls per round (≥ 10), number of rounds (≥ 1) and the Hipparchus forms timed
     *     ({@code both}, {@code fieldcomplex} or {@code pairs}; a form not timed prints as 0)
     * @throws IllegalArgumentException when an argument is out of range or not an integer
     */
    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String peers = args.length > 2 ? args[2] : "both";
        if (calls < 10 || rounds < 1 || !List.of("both", "fieldcomplex", "pairs").contains(peers)) {
            throw new IllegalArgumentException("callsPerRound must be >= 10, rounds >= 1 and peers both, fieldcomplex "
                    + "or pairs, got " + calls + ", " + rounds + ", " + peers);
        }
        boolean fieldComplex = !peers.equals("pairs");
        boolean pairsToo = !peers.equals("fieldcomplex");
        RfJacobianBenchmark b = new RfJacobianBenchmark();
        b.setUp();
        for (int round = 0; round < rounds; round++) {
            double[] plain = new double[calls];
            double[] recorded = new double[calls];
            double[] hipparchus = new double[calls / 10];
            double[] pairs = new double[calls / 10];
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                b.plain();
                plain[i] = System.nanoTime() - t;
                t = System.nanoTime();
                b.recorded();
                recorded[i] = System.nanoTime() - t;
                if (i % 10 == 0 && i / 10 < hipparchus.length) {
                    if (fieldComplex) {
                        t = System.nanoTime();
                        b.hipparchus();
                        hipparchus[i / 10] = System.nanoTime() - t;
                    }
                    if (pairsToo) {
                        t = System.nanoTime();
                        b.hipparchusPairs();
                        pairs[i / 10] = System.nanoTime() - t;
                    }
                }
            }
            System.out.println(line("best", best(plain), best(recorded), best(hipparchus), best(pairs))
                    + " | " + line("median", median(plain), median(recorded), median(hipparchus), median(pairs)));
        }
    }

    private static double best(double[] x) {
        return Arrays.stream(x).min().orElseThrow();
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String line(String what, double plain, double recorded, double hipparchus, double pairs) {
        return String.format(Locale.ROOT, "%s: plain %.1f us, recorded Jacobian %.1f us (%.2fx plain), "
                + "hipparchus FieldComplex %.1f us (%.1fx recorded), Gradient pairs %.1f us (%.1fx)", what,
                plain / 1e3, recorded / 1e3, recorded / plain, hipparchus / 1e3, hipparchus / recorded, pairs / 1e3,
                pairs / recorded);
    }
}
