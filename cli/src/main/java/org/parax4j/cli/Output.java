package org.parax4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.parax4j.cli.io.TextFiles;

/** Where a subcommand's result goes: a file given by {@code --out}, or standard output. Stateless. */
final class Output {

    private Output() {}

    /**
     * Writes {@code text} to {@code file}, or to {@code out} when {@code file} is null, and tells the
     * user on {@code err} where a file went.
     *
     * @throws IOException when the file cannot be written
     */
    static void write(Path file, String text, PrintWriter out, PrintWriter err) throws IOException {
        if (file == null) {
            out.print(text);
            out.flush();
        } else {
            TextFiles.write(file, text);
            err.println("wrote " + file);
        }
    }
}
