package org.parax4j.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line progress bar on the error stream. On a terminal it redraws the same line in place
 * ({@code \r}) whenever the whole percentage changes and ends the line when done; otherwise
 * (output redirected, tests) it writes one line when the work starts and one when it ends, so logs
 * are not flooded. Not thread-safe: used by the computing thread only.
 */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final String label;
    private final long startNanos = System.nanoTime();
    private int lastPercent = -1;

    /**
     * A progress bar.
     *
     * @param err where to draw
     * @param terminal whether {@code err} is a terminal (redraw in place) or not (start and end lines)
     * @param label what is progressing, e.g. {@code "Monte Carlo"}
     */
    public ProgressBar(PrintWriter err, boolean terminal, String label) {
        this.err = Objects.requireNonNull(err, "err");
        this.terminal = terminal;
        this.label = Objects.requireNonNull(label, "label");
    }

    /**
     * Draws the bar for {@code done} of {@code total}.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ done ≤ total} and {@code total ≥ 1}
     */
    @Override
    public void update(long done, long total) {
        if (total < 1 || done < 0 || done > total) {
            throw new IllegalArgumentException("progress must satisfy 0 <= done <= total and total >= 1, got done = "
                    + done + ", total = " + total);
        }
        int percent = (int) (100 * done / total);
        if (percent == lastPercent) {
            return;
        }
        boolean first = lastPercent < 0;
        lastPercent = percent;
        boolean finished = done == total;
        if (terminal) {
            int filled = (int) (WIDTH * done / total);
            err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), percent, done, total));
            if (finished) {
                err.println(String.format(Locale.ROOT, " (%.1f s)", elapsedSeconds()));
            }
            err.flush();
        } else if (first && !finished) {
            err.println(String.format(Locale.ROOT, "%s: %,d to do...", label, total));
        } else if (finished) {
            err.println(String.format(Locale.ROOT, "%s: %,d done in %.1f s", label, total, elapsedSeconds()));
        }
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
