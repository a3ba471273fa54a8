package org.parax4j.engine.gp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference values {@code gp_reference.py} wrote to {@code gp_reference.txt} (and other
 * scripts to their files next to it), and the closed-form inputs.
 */
final class GpReference {

    private static final Map<String, double[]> VALUES = load("gp_reference.txt");

    private GpReference() {}

    static double[] get(String key) {
        return get(VALUES, key);
    }

    /** A value of another reference file next to this class (read on each call). */
    static double[] get(String file, String key) {
        return get(load(file), key);
    }

    private static double[] get(Map<String, double[]> values, String key) {
        double[] v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("no reference value " + key);
        }
        return v.clone();
    }

    /** {@code x[i][k] = 2 sin(1.3 i + 0.7 k + phase) + 0.05 i / n}, as the script builds it. */
    static double[] inputs(int n, int d, double phase) {
        double[] x = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i * d + k] = 2.0 * Math.sin(1.3 * i + 0.7 * k + phase) + 0.05 * i / n;
            }
        }
        return x;
    }

    /** {@code y_i = sin(Σ_k x_ik) + 0.1 cos(7 i)}. */
    static double[] targets(double[] x, int n, int d) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                s += x[i * d + k];
            }
            y[i] = Math.sin(s) + 0.1 * Math.cos(7.0 * i);
        }
        return y;
    }

    static Map<String, double[]> load(String file) {
        Map<String, double[]> out = new HashMap<>();
        try (InputStream in = GpReference.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " not found next to " + GpReference.class);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                double[] values = new double[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    values[i - 1] = Double.parseDouble(parts[i]);
                }
                out.put(parts[0], values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
