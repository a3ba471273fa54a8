package org.parax4j.cli.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.parax4j.module.Names;

/**
 * A strict CSV reader for numeric matrices and a writer for numeric tables. Reading accepts only
 * finite decimal numbers ({@code -1.5}, {@code 2e-3}, {@code .5}), separated by commas, optionally
 * surrounded by spaces or tabs, with the same number of columns on every row; blank lines are
 * skipped; there is no header, quoting or comment syntax. Errors name the source, the 1-based line
 * and column: {@code points.csv:3:7: expected a number, got 'x'} (characters that do not print
 * escaped, long fields cut: {@link Names#shown}); a UTF-8 byte-order mark at the start of a file is
 * dropped by {@link #read}. Writing uses
 * {@link Double#toString(double)}, which is locale-independent and round-trips exactly.
 *
 * <p>Stateless and thread-safe.
 */
public final class Csv {

    /**
     * A decimal number. Possessive quantifiers and no ambiguous split of the digits: a field of n
     * digits followed by a stray character fails in O(n) (the former {@code \\d+\\.?\\d*}
     * backtracked over every split, O(n²): 220 s for a 100,000-digit field).
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][+-]?+\\d++)?+");

    private Csv() {}

    /**
     * Reads a matrix file ({@link #parse}).
     *
     * @param file the CSV file
     * @param option the command-line option that named it, for messages (e.g. {@code --x})
     * @return the matrix
     * @throws IllegalArgumentException when the file is missing or unreadable, or its content is not a
     *     numeric matrix (message with file, line and column)
     */
    public static CsvMatrix read(Path file, String option) {
        return parse(TextFiles.read(file, option), file.toString());
    }

    /**
     * Parses CSV text into a matrix: one row per non-blank line, one column per comma-separated
     * field. Allocates the result.
     *
     * @param text the CSV text
     * @param source name used in messages (usually the file name)
     * @return the matrix
     * @throws IllegalArgumentException {@code source:line:column: ...} for a field that is not a finite
     *     decimal number, a row whose column count differs from the first row's, or no rows at all
     */
    public static CsvMatrix parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        String[] lines = text.split("\r?\n", -1);
        List<double[]> rows = new ArrayList<>();
        int cols = -1;
        int firstRowLine = 0;
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            if (line.isBlank()) {
                continue;
            }
            double[] row = parseRow(line, source, l + 1);
            if (cols < 0) {
                cols = row.length;
                firstRowLine = l + 1;
            } else if (row.length != cols) {
                throw new IllegalArgumentException(source + ":" + (l + 1) + ":" + columnOfField(line, Math.min(cols, row.length))
                        + ": expected " + cols + " columns (as on line " + firstRowLine + "), got " + row.length);
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": expected at least one row of numbers, the file is empty");
        }
        double[] values = new double[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r), 0, values, r * cols, cols);
        }
        return new CsvMatrix(rows.size(), cols, values);
    }

    private static double[] parseRow(String line, String source, int lineNumber) {
        List<Double> fields = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            int from = start;
            while (from < end && isBlank(line.charAt(from))) {
                from++;
            }
            int to = end;
            while (to > from && isBlank(line.charAt(to - 1))) {
                to--;
            }
            String field = line.substring(from, to);
            if (!NUMBER.matcher(field).matches()) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ":" + (from + 1)
                        + ": expected a number, got '" + Names.shown(field) + "'");
            }
            double v = Double.parseDouble(field);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(source + ":" + lineNumber + ":" + (from + 1)
                        + ": expected a finite number, got '" + Names.shown(field) + "'");
            }
            fields.add(v);
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        double[] row = new double[fields.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = fields.get(i);
        }
        return row;
    }

    /** 1-based column where field {@code index} starts, or one past the end when there is no such field. */
    private static int columnOfField(String line, int index) {
        int pos = 0;
        for (int k = 0; k < index; k++) {
            int comma = line.indexOf(',', pos);
            if (comma < 0) {
                return line.length() + 1;
            }
            pos = comma + 1;
        }
        return pos + 1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * A matrix as CSV text, one row per line ({@link #writeRow}). Allocates; for large matrices write
     * row by row instead.
     *
     * @throws IllegalArgumentException when the length is not rows·cols
     */
    public static String format(double[] values, int rows, int cols) {
        Objects.requireNonNull(values, "values");
        if (rows < 0 || cols < 1 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("values must hold rows*cols = " + ((long) rows * cols)
                    + " numbers for a " + rows + "x" + cols + " matrix, has " + values.length);
        }
        StringWriter sb = new StringWriter();
        try {
            for (int r = 0; r < rows; r++) {
                writeRow(sb, values, r * cols, cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return sb.toString();
    }

    /**
     * Writes one CSV row: {@code values[from .. from + cols)} separated by commas, each written with
     * {@link Double#toString(double)}, then a newline. Allocates only the number strings.
     *
     * @throws IOException when {@code w} fails
     * @throws IndexOutOfBoundsException when the range is outside {@code values}
     */
    public static void writeRow(Writer w, double[] values, int from, int cols) throws IOException {
        Objects.checkFromIndexSize(from, cols, values.length);
        for (int c = 0; c < cols; c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(Double.toString(values[from + c]));
        }
        w.write('\n');
    }
}
