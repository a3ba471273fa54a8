package org.parax4j.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parax4j.json.Json;

/**
 * Compares two JMH JSON result files benchmark by benchmark: the ratio of the scores (after / before)
 * with an interval built from both results' confidence intervals, and a verdict that flags a
 * regression only when the slowdown exceeds a threshold <em>and</em> the two confidence intervals do
 * not overlap (a slowdown inside the noise of either run is not a regression).
 *
 * <p>Usage: {@code BenchCompare [--threshold PERCENT] BEFORE.json AFTER.json} (default 5 %). Exit
 * status 0 when no regression is flagged, 1 when at least one is, 2 on a usage or input error.
 *
 * <p>Intervals are JMH's own: {@code score ± scoreError}, by default a 99.9 % Student-t interval over
 * the measured iterations (the {@code scoreConfidence} field). A result whose error is NaN (too few
 * iterations for an interval) is compared as a point. The ratio interval is the conservative quotient
 * of the two intervals, {@code [afterLow / beforeHigh, afterHigh / beforeLow]} (a negative lower end
 * counts as 0, a before interval reaching 0 gives an infinite upper end). Benchmarks are matched
 * by class, method, mode, threads and parameters; time units are converted (an {@code us/op} run
 * compares with an {@code ms/op} one). Stateless; thread-safe.
 */
public final class BenchCompare {

    /** The default regression threshold: 5 % slower. */
    public static final double DEFAULT_THRESHOLD = 0.05;

    private BenchCompare() {}

    /** What a comparison concludes. */
    public enum Verdict {
        /** Slower by more than the threshold, confidence intervals disjoint. */
        REGRESSION,
        /** Faster by more than the threshold, confidence intervals disjoint. */
        FASTER,
        /** Beyond the threshold either way, but the confidence intervals overlap. */
        NOISE,
        /** Within the threshold. */
        SAME,
        /** The units cannot be compared (e.g. a mode change), or a score is not positive. */
        INCOMPARABLE
    }

    /**
     * One benchmark present in both files.
     *
     * @param before the result before
     * @param after the result after
     * @param ratio after / before, after converting the after score to the before unit
     * @param ratioLow lower end of the ratio interval
     * @param ratioHigh upper end of the ratio interval (infinite when the before interval reaches zero)
     * @param slowdown how many times slower the after run is (the ratio for time modes, its inverse for
     *     throughput), NaN when incomparable
     * @param verdict the conclusion
     */
    public record Comparison(JmhResult before, JmhResult after, double ratio, double ratioLow, double ratioHigh,
            double slowdown, Verdict verdict) {

        /** Name and parameters, e.g. {@code RbfGramBenchmark.engine d=8 n=1024}. */
        public String name() {
            StringBuilder s = new StringBuilder(before.benchmarkClass()).append('.').append(before.contender());
            before.params().forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
            if (before.threads() != 1) {
                s.append(" threads=").append(before.threads());
            }
            return s.toString();
        }
    }

    /**
     * The whole comparison of two files.
     *
     * @param rows benchmarks in both files, in the after file's order
     * @param onlyBefore benchmarks only in the before file (dropped or renamed)
     * @param onlyAfter benchmarks only in the after file (new)
     * @param threshold the threshold used, as a fraction (0.05 = 5 %)
     */
    public record Result(List<Comparison> rows, List<JmhResult> onlyBefore, List<JmhResult> onlyAfter, double threshold) {

        /** Whether any row is a {@link Verdict#REGRESSION}. */
        public boolean regressed() {
            return rows.stream().anyMatch(c -> c.verdict() == Verdict.REGRESSION);
        }
    }

    /**
     * Compares two result lists.
     *
     * @param before results of the earlier run; not modified
     * @param after results of the later run; not modified
     * @param threshold relative slowdown beyond which a disjoint result is a regression (0.05 = 5 %)
     * @return the comparison (allocates its lists)
     * @throws IllegalArgumentException when {@code threshold} is negative, NaN or infinite
     */
    public static Result compare(List<JmhResult> before, List<JmhResult> after, double threshold) {
        if (!(threshold >= 0 && threshold < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("threshold: expected a finite fraction >= 0, got " + threshold);
        }
        Map<String, JmhResult> earlier = new LinkedHashMap<>();
        before.forEach(r -> earlier.put(key(r), r));
        List<Comparison> rows = new ArrayList<>();
        List<JmhResult> onlyAfter = new ArrayList<>();
        for (JmhResult a : after) {
            JmhResult b = earlier.remove(key(a));
            if (b == null) {
                onlyAfter.add(a);
            } else {
                rows.add(compare(b, a, threshold));
            }
        }
        return new Result(List.copyOf(rows), List.copyOf(earlier.values()), List.copyOf(onlyAfter), threshold);
    }

    /** The matching key: class, method, mode, threads, parameters. */
    static String key(JmhResult r) {
        return r.group() + " #" + r.contender() + " #" + r.mode() + " #" + r.threads();
    }

    /** Compares one benchmark (same key) before and after. */
    static Comparison compare(JmhResult b, JmhResult a, double threshold) {
        double scale = unitScale(a.unit(), b.unit());
        if (Double.isNaN(scale) || !(b.score() > 0) || !(a.score() > 0)) {
            return new Comparison(b, a, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Verdict.INCOMPARABLE);
        }
        double bLow = low(b), bHigh = high(b);
        double aLow = low(a) * scale, aHigh = high(a) * scale;
        double ratio = a.score() * scale / b.score();
        double ratioLow = Math.max(0, aLow) / bHigh;
        double ratioHigh = bLow > 0 ? aHigh / bLow : Double.POSITIVE_INFINITY;
        double slowdown = b.higherIsBetter() ? 1 / ratio : ratio;
        boolean disjoint = aLow > bHigh || bLow > aHigh;
        Verdict verdict;
        if (slowdown > 1 + threshold) {
            verdict = disjoint ? Verdict.REGRESSION : Verdict.NOISE;
        } else if (slowdown < 1 / (1 + threshold)) {
            verdict = disjoint ? Verdict.FASTER : Verdict.NOISE;
        } else {
            verdict = Verdict.SAME;
        }
        return new Comparison(b, a, ratio, ratioLow, ratioHigh, slowdown, verdict);
    }

    private static double low(JmhResult r) {
        return Double.isNaN(r.error()) ? r.score() : r.score() - r.error();
    }

    private static double high(JmhResult r) {
        return Double.isNaN(r.error()) ? r.score() : r.score() + r.error();
    }

    /**
     * The factor converting a score in unit {@code from} to unit {@code to}: 1 for equal units, the
     * time conversion for {@code <time>/op} and {@code ops/<time>} pairs, NaN otherwise.
     */
    static double unitScale(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        if (from.endsWith("/op") && to.endsWith("/op")) {
            return seconds(from.substring(0, from.length() - 3)) / seconds(to.substring(0, to.length() - 3));
        }
        if (from.startsWith("ops/") && to.startsWith("ops/")) {
            return seconds(to.substring(4)) / seconds(from.substring(4));
        }
        return Double.NaN;
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr" -> 3600;
            default -> Double.NaN;
        };
    }

    /**
     * The report: one line per benchmark in both files (name, before, after, ratio with its interval,
     * verdict), then the benchmarks in only one file and a summary line.
     *
     * @param result a comparison
     * @return the text (ends with a newline)
     */
    public static String report(Result result) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"benchmark", "before", "after", "after/before", "ratio interval", "verdict"});
        for (Comparison c : result.rows()) {
            table.add(new String[] {c.name(), scoreText(c.before()), scoreText(c.after()),
                    Double.isNaN(c.ratio()) ? "–" : fmt("%.3f", c.ratio()),
                    Double.isNaN(c.ratio()) ? "–" : "[" + fmt("%.3f", c.ratioLow()) + ", "
                            + (Double.isInfinite(c.ratioHigh()) ? "∞" : fmt("%.3f", c.ratioHigh())) + "]", verdictText(c)});
        }
        StringBuilder out = new StringBuilder();
        int[] widths = new int[table.get(0).length];
        for (String[] row : table) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(i == 0 ? pad(row[i], widths[i], false) : pad(row[i], widths[i], i < 5));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        result.onlyBefore().forEach(r -> out.append("only before: ").append(r.group()).append(' ').append(r.contender()).append('\n'));
        result.onlyAfter().forEach(r -> out.append("only after:  ").append(r.group()).append(' ').append(r.contender()).append('\n'));
        long regressions = result.rows().stream().filter(c -> c.verdict() == Verdict.REGRESSION).count();
        long faster = result.rows().stream().filter(c -> c.verdict() == Verdict.FASTER).count();
        out.append(fmt("%d compared, %d regression(s), %d faster; threshold %.1f %%, regressions need disjoint confidence "
                + "intervals (JMH's score ± error)%n", result.rows().size(), regressions, faster, 100 * result.threshold()));
        return out.toString();
    }

    private static String verdictText(Comparison c) {
        return switch (c.verdict()) {
            case REGRESSION -> fmt("REGRESSION %.1f %% slower", 100 * (c.slowdown() - 1));
            case FASTER -> fmt("faster %.2f×", 1 / c.slowdown());
            case NOISE -> fmt("noise (%+.1f %%, intervals overlap)", 100 * (c.slowdown() - 1));
            case SAME -> fmt("same (%+.1f %%)", 100 * (c.slowdown() - 1));
            case INCOMPARABLE -> "incomparable (" + c.before().unit() + " vs " + c.after().unit() + ")";
        };
    }

    private static String scoreText(JmhResult r) {
        return Double.isNaN(r.error()) ? fmt("%.4g %s", r.score(), r.unit())
                : fmt("%.4g ± %.2g %s", r.score(), r.error(), r.unit());
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /**
     * Parses {@code --threshold PERCENT} (a number, optionally followed by {@code %}).
     *
     * @throws IllegalArgumentException when the text is not a finite number {@code >= 0}
     */
    static double parseThreshold(String text) {
        String t = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text.strip();
        double percent;
        try {
            percent = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--threshold: expected a percentage such as 5 or 2.5%, got '" + text + "'");
        }
        if (!(percent >= 0 && percent < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--threshold: expected a percentage >= 0, got '" + text + "'");
        }
        return percent / 100;
    }

    /**
     * Runs the comparison for the command line and returns the exit status (0 no regression, 1 a
     * regression flagged, 2 a usage or input error), writing the report to {@code out} and errors to
     * {@code err}.
     *
     * @param args {@code [--threshold PERCENT] BEFORE.json AFTER.json}
     * @param out where the report goes
     * @param err where usage and input errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        double threshold = DEFAULT_THRESHOLD;
        List<String> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--threshold")) {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--threshold: expected a percentage after it");
                    }
                    threshold = parseThreshold(args[++i]);
                } else if (args[i].startsWith("--threshold=")) {
                    threshold = parseThreshold(args[i].substring("--threshold=".length()));
                } else {
                    files.add(args[i]);
                }
            }
            if (files.size() != 2) {
                throw new IllegalArgumentException("expected two result files, got " + files.size());
            }
            Result result = compare(read(Path.of(files.get(0))), read(Path.of(files.get(1))), threshold);
            out.print(report(result));
            return result.regressed() ? 1 : 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("bench/compare: " + e.getMessage());
            err.println("usage: bench/compare [--threshold PERCENT] BEFORE.json AFTER.json   (JMH -rf json files; default 5 %)");
            return 2;
        }
    }

    /** Reads a JMH JSON result file. */
    static List<JmhResult> read(Path file) throws IOException {
        try {
            return JmhResult.parse(Json.readTree(Files.readString(file), JmhResult.class));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Command-line entry point; exits with {@link #run}'s status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
