package org.parax4j.engine.fit;

import java.util.List;
import java.util.Locale;

/** Renders a {@link FitResult} as text (lmfit's layout) or Markdown. Stateless. */
final class FitReport {

    /** Correlations below this are not listed (lmfit's default). */
    static final double MIN_CORRELATION = 0.1;

    private FitReport() {}

    static String text(FitResult<?> r) {
        StringBuilder b = new StringBuilder();
        b.append("[[Fit Statistics]]\n");
        line(b, "# fitting method", r.method());
        line(b, "# status", (r.converged() ? "converged: " : "NOT converged: ") + r.reason());
        line(b, "# iterations", Integer.toString(r.iterations()));
        line(b, "# function evals", Integer.toString(r.evaluations()));
        if (r.starts() > 1) {
            line(b, "# starts", r.starts() + " (" + r.startsReachingBest() + " reached the best)");
        }
        line(b, "# data points", Integer.toString(r.dataPoints()));
        line(b, "# variables", Integer.toString(r.freeParameters()));
        line(b, "chi-square", num(r.chiSquare()));
        line(b, "reduced chi-square", num(r.reducedChiSquare()));
        line(b, "Akaike info crit", num(r.aic()));
        line(b, "Bayesian info crit", num(r.bic()));
        line(b, "R-squared", num(r.rSquared()));
        b.append("[[Variables]]\n");
        int width = r.names().stream().mapToInt(String::length).max().orElse(4);
        for (FitParameter p : r.parameters()) {
            b.append("    ").append(pad(p.name() + ":", width + 1)).append("  ").append(num(p.value()));
            if (Double.isNaN(p.standardError())) {
                b.append(" +/- (not determined)");
            } else {
                b.append(" +/- ").append(num(p.standardError()))
                        .append(String.format(Locale.ROOT, " (%.2f%%)", 100 * p.relativeError()));
            }
            b.append(" (init = ").append(num(p.initialValue())).append(')');
            if (p.atBound()) {
                b.append(" (at bound)");
            }
            b.append('\n');
        }
        List<String[]> corr = correlations(r);
        if (!corr.isEmpty()) {
            b.append("[[Correlations]] (unreported correlations are < ")
                    .append(String.format(Locale.ROOT, "%.3f", MIN_CORRELATION)).append(")\n");
            for (String[] c : corr) {
                b.append("    C(").append(c[0]).append(", ").append(c[1]).append(") = ").append(c[2]).append('\n');
            }
        }
        if (!r.warnings().isEmpty()) {
            b.append("[[Warnings]]\n");
            for (String w : r.warnings()) {
                b.append("    ").append(w).append('\n');
            }
        }
        return b.toString();
    }

    static String markdown(FitResult<?> r) {
        StringBuilder b = new StringBuilder();
        b.append("| statistic | value |\n|---|---|\n");
        row(b, "method", r.method());
        row(b, "status", (r.converged() ? "converged: " : "**not converged**: ") + r.reason());
        row(b, "iterations / evaluations", r.iterations() + " / " + r.evaluations());
        if (r.starts() > 1) {
            row(b, "starts", r.starts() + " (" + r.startsReachingBest() + " reached the best)");
        }
        row(b, "data points / variables", r.dataPoints() + " / " + r.freeParameters());
        row(b, "χ²", num(r.chiSquare()));
        row(b, "reduced χ²", num(r.reducedChiSquare()));
        row(b, "AIC / BIC", num(r.aic()) + " / " + num(r.bic()));
        row(b, "R²", num(r.rSquared()));
        b.append("\n| parameter | value | std. error | relative | initial | at bound |\n|---|---|---|---|---|---|\n");
        for (FitParameter p : r.parameters()) {
            b.append("| `").append(p.name()).append("` | ").append(num(p.value())).append(" | ")
                    .append(Double.isNaN(p.standardError()) ? "—" : num(p.standardError())).append(" | ")
                    .append(Double.isNaN(p.relativeError()) ? "—"
                            : String.format(Locale.ROOT, "%.2f %%", 100 * p.relativeError()))
                    .append(" | ").append(num(p.initialValue())).append(" | ").append(p.atBound() ? "yes" : "")
                    .append(" |\n");
        }
        List<String[]> corr = correlations(r);
        if (!corr.isEmpty()) {
            b.append("\n| correlation | r |\n|---|---|\n");
            for (String[] c : corr) {
                b.append("| `").append(c[0]).append("`, `").append(c[1]).append("` | ").append(c[2]).append(" |\n");
            }
        }
        if (!r.warnings().isEmpty()) {
            b.append('\n');
            for (String w : r.warnings()) {
                b.append("- **warning**: ").append(w).append('\n');
            }
        }
        return b.toString();
    }

    /** Pairs with |r| ≥ MIN_CORRELATION, strongest first: {name, name, formatted r}. */
    private static List<String[]> correlations(FitResult<?> r) {
        double[][] c = r.correlation();
        List<String> names = r.names();
        record Pair(int i, int j, double v) {}
        java.util.ArrayList<Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < c.length; i++) {
            for (int j = i + 1; j < c.length; j++) {
                if (Math.abs(c[i][j]) >= MIN_CORRELATION) {
                    pairs.add(new Pair(i, j, c[i][j]));
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(Math.abs(b.v()), Math.abs(a.v())));
        return pairs.stream().map(p -> new String[] {names.get(p.i()), names.get(p.j()),
            String.format(Locale.ROOT, "%+.4f", p.v())}).toList();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append("    ").append(pad(key, 19)).append("= ").append(value).append('\n');
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.8g", v);
    }
}
