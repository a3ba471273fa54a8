package org.parax4j.cli;

import java.util.Arrays;
import java.util.Locale;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.LengthScales;

/**
 * The {@code --kernel} expression of {@code parax4j gp fit}: terms joined by {@code +} and
 * {@code *} ({@code *} binds tighter), with parentheses. Terms, every hyperparameter starting at 1
 * (scikit-learn's defaults): {@code rbf} (one length scale), {@code rbf-ard} (one per input),
 * {@code matern12}, {@code matern32}, {@code matern52} (and {@code -ard}), {@code rq} (rational
 * quadratic), {@code periodic}, {@code const} and {@code white}. Example (the default):
 * {@code const*rbf-ard+white}. Stateless.
 */
final class KernelSpec {

    /** The default expression. */
    static final String DEFAULT = "const*rbf-ard+white";

    private final String text;
    private final int d;
    private int pos;

    private KernelSpec(String text, int d) {
        this.text = text.toLowerCase(Locale.ROOT).replace(" ", "");
        this.d = d;
    }

    /**
     * Parses {@code spec} for {@code d}-dimensional inputs.
     *
     * @throws IllegalArgumentException naming the position and what was expected
     */
    static Kernel parse(String spec, int d) {
        KernelSpec p = new KernelSpec(spec, d);
        Kernel k = p.sum();
        if (p.pos != p.text.length()) {
            throw p.error("'+', '*' or the end");
        }
        return k;
    }

    private Kernel sum() {
        Kernel k = product();
        while (accept('+')) {
            k = new Kernel.Sum(k, product());
        }
        return k;
    }

    private Kernel product() {
        Kernel k = term();
        while (accept('*')) {
            k = new Kernel.Product(k, term());
        }
        return k;
    }

    private Kernel term() {
        if (accept('(')) {
            Kernel k = sum();
            if (!accept(')')) {
                throw error("')'");
            }
            return k;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
            pos++;
        }
        String name = text.substring(start, pos);
        double[] ard = new double[d];
        Arrays.fill(ard, 1.0);
        return switch (name) {
            case "rbf" -> Kernel.rbf(1.0);
            case "rbf-ard" -> Kernel.rbfArd(ard);
            case "matern12" -> new Kernel.Matern(Kernel.Nu.HALF, LengthScales.of(1.0));
            case "matern32" -> new Kernel.Matern(Kernel.Nu.THREE_HALVES, LengthScales.of(1.0));
            case "matern52" -> new Kernel.Matern(Kernel.Nu.FIVE_HALVES, LengthScales.of(1.0));
            case "matern12-ard" -> new Kernel.Matern(Kernel.Nu.HALF, LengthScales.ard(ard));
            case "matern32-ard" -> new Kernel.Matern(Kernel.Nu.THREE_HALVES, LengthScales.ard(ard));
            case "matern52-ard" -> new Kernel.Matern(Kernel.Nu.FIVE_HALVES, LengthScales.ard(ard));
            case "rq" -> new Kernel.RationalQuadratic(1.0, 1.0);
            case "periodic" -> new Kernel.Periodic(1.0, 1.0);
            case "const" -> new Kernel.Constant(1.0);
            case "white" -> new Kernel.WhiteNoise(1.0);
            default -> {
                pos = start;
                throw error("a kernel term (rbf, rbf-ard, matern12, matern32, matern52 and their -ard forms, rq,"
                        + " periodic, const, white) or '('");
            }
        };
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("--kernel '" + text + "': at character " + (pos + 1) + " expected "
                + expected + (pos < text.length() ? ", got '" + text.substring(pos) + "'" : ", got the end"));
    }
}
