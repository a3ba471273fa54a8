package org.parax4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.parax4j.cli.io.TextFiles;
import org.parax4j.module.Names;

/**
 * Where a subcommand's result goes: a file given by {@code --out}, or standard output. Results are
 * streamed (never built as one string), so their size is bounded by the disk, not the heap; a file
 * is replaced only when all of it is written ({@link TextFiles#write(Path, String, TextFiles.Content)}).
 * Stateless.
 */
final class Output {

    private Output() {}

    /**
     * Checks up front, before any computation, that {@code file} can be written (nothing to check
     * for standard output).
     *
     * @param file the file named by {@code option}, or null for standard output
     * @param option the option, for messages
     * @throws IllegalArgumentException naming the option, the file and the reason
     */
    static void check(Path file, String option) {
        if (file != null) {
            TextFiles.checkWritable(file, option);
        }
    }

    /**
     * Streams {@code content} to {@code file}, or to {@code out} when {@code file} is null, and tells
     * the user on {@code err} where a file went. When {@code content} throws, a file is left as it
     * was; standard output keeps what was written before.
     *
     * @throws IllegalArgumentException when the file or standard output cannot be written, naming
     *     {@code option} (or standard output), the file and the reason
     */
    static void write(Path file, String option, TextFiles.Content content, PrintWriter out, PrintWriter err) {
        if (file != null) {
            TextFiles.write(file, option, content);
            err.println("wrote " + file);
            return;
        }
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("standard output: cannot write (" + e.getMessage() + ")", e);
        }
        out.flush();
        if (out.checkError()) {
            throw new IllegalArgumentException("standard output: cannot write (closed pipe or full disk)");
        }
    }

    /**
     * Checks that a block of a row-major table holds only finite numbers, so that no NaN or ∞ is ever
     * written with exit status 0.
     *
     * @param what the output, named in the message (e.g. {@code K(X1, X2)})
     * @param values the table's values
     * @param from first index of the block
     * @param count number of values in the block
     * @param cols values per row
     * @param firstRow 0-based row number of the block's first row in the whole table
     * @param columns column names for the message, or null to give column numbers
     * @param why what a non-finite value means here, appended to the message
     * @throws IllegalArgumentException naming the output, the 1-based row and column and the value
     */
    static void requireFinite(String what, double[] values, int from, int count, int cols, long firstRow,
            List<String> columns, String why) {
        for (int i = from; i < from + count; i++) {
            if (!Double.isFinite(values[i])) {
                long row = firstRow + (i - from) / cols + 1;
                int col = (i - from) % cols;
                String column = columns == null ? "column " + (col + 1) : "column " + (col + 1) + " ("
                        + Names.shown(columns.get(col)) + ")";
                throw new IllegalArgumentException(what + " at row " + row + ", " + column + " (1-based) is "
                        + values[i] + ", not a finite number; " + why);
            }
        }
    }
}
