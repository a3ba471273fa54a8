package org.parax4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The parax4j command line: {@code demo} (the default when no subcommand is given), {@code gram},
 * {@code jacobian}, {@code sample} and {@code fit}.
 *
 * <p>Exit codes: 0 on success; 1 for an input error (missing or malformed file, unknown name,
 * shape mismatch), with one message on standard error and no stack trace unless {@code --debug};
 * 2 for a usage error (unknown option, invalid option value), with the usage help; 3 for an
 * internal error (a bug: please report it with the {@code --debug} output).
 */
@Command(name = "parax4j", mixinStandardHelpOptions = true, version = "parax4j 0.1.0-SNAPSHOT",
        description = "Parametric models on the JVM. Without a subcommand, runs the demo.",
        subcommands = {DemoCommand.class, GramCommand.class, JacobianCommand.class, SampleCommand.class,
            FitCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code for input errors. */
    public static final int EXIT_INPUT = 1;
    /** Exit code for usage errors (picocli's default for invalid input). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for internal errors. */
    public static final int EXIT_INTERNAL = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    /** Whether standard error is a terminal (the progress bar redraws in place). */
    final boolean terminal;

    private Main(boolean terminal) {
        this.terminal = terminal;
    }

    /** Runs the command line on the process's streams and exits with its status. */
    public static void main(String[] args) {
        // before any AWT class loads: the demo renders PNGs without a display
        System.setProperty("java.awt.headless", "true");
        java.io.Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), terminal, args));
    }

    /**
     * Runs the command line, writing to {@code out} and {@code err}, with the progress bar in its
     * non-terminal form.
     *
     * @return the exit status (see the class documentation)
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    /**
     * Runs the command line.
     *
     * @param out standard output
     * @param err standard error (messages, progress)
     * @param terminal whether {@code err} is a terminal
     * @param args the arguments
     * @return the exit status (see the class documentation)
     */
    public static int run(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
        CommandLine cli = new CommandLine(new Main(terminal));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("demo").execute(debug ? new String[] {"--debug"} : new String[0]);
    }

    private static int handle(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean input = e instanceof IllegalArgumentException || e instanceof IOException
                || e instanceof UncheckedIOException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (input) {
            err.println("parax4j " + command.getCommandName() + ": " + message);
        } else {
            err.println("parax4j " + command.getCommandName() + ": internal error: " + e
                    + (debugRequested(parsed) ? "" : " (rerun with --debug for the stack trace)"));
        }
        if (debugRequested(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return input ? EXIT_INPUT : EXIT_INTERNAL;
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
