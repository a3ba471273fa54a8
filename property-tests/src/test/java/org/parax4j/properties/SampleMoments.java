package org.parax4j.properties;

/**
 * The moment check shared by the sampler properties: a sample's mean within five standard errors
 * of the distribution's mean, and its (unbiased) variance within five standard errors of the
 * distribution's variance, the latter estimated from the sample's fourth central moment.
 */
final class SampleMoments {

    private SampleMoments() {}

    /**
     * Whether {@code x} matches {@code mean} and {@code variance} within five standard errors each.
     *
     * @param varianceSlack an absolute allowance added to the variance bound (0 for none)
     */
    static boolean match(double[] x, double mean, double variance, double varianceSlack) {
        int n = x.length;
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double m = sum / n;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double c = (v - m) * (v - m);
            m2 += c;
            m4 += c * c;
        }
        m2 /= n;
        m4 /= n;
        double seMean = Math.sqrt(variance / n);
        double seVariance = Math.sqrt(Math.max(m4 - m2 * m2, 0) / n);
        return Math.abs(m - mean) <= 5 * seMean
                && Math.abs(m2 * n / (n - 1) - variance) <= 5 * seVariance + varianceSlack;
    }
}
