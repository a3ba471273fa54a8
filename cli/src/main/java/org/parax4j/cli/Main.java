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
 * {@code jacobian}, {@code sample}, {@code fit}, {@code nuts} and {@code gp} ({@code gp fit}, {@code gp predict}).
 *
 * <p>Exit codes: 0 on success; 1 for an input error (missing or malformed file, invalid model JSON,
 * unknown name, shape mismatch, an output that cannot be written, a result that would hold NaN or
 * ±∞), with one message on standard error and no stack trace unless {@code --debug}; 2 for a usage
 * error (unknown option, invalid option value), with the usage help; 3 for an internal error (a
 * bug: please report it with the {@code --debug} output); 4 when the JVM runs out of memory or
 * stack ({@link OutOfMemoryError}, {@link StackOverflowError}), with a message that says how to
 * give it more. On any error a file named by {@code --out} is left unchanged; standard output may
 * hold the rows written before the error.
 */
@Command(name = "parax4j", mixinStandardHelpOptions = true, version = "parax4j 0.1.0-SNAPSHOT",
        description = "Parametric models on the JVM. Without a subcommand, runs the demo.",
        subcommands = {DemoCommand.class, GramCommand.class, JacobianCommand.class, SampleCommand.class,
            FitCommand.class, NutsCommand.class, GpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:input error: unreadable or invalid file, unknown name, shape mismatch, output that cannot be "
                    + "written, or a result that would hold NaN or infinity (--out files are left unchanged)",
            "2:usage error: unknown option or invalid option value",
            "3:internal error: a bug, please report it with the --debug output",
            "4:out of memory or stack: rerun with more (e.g. JAVA_TOOL_OPTIONS=-Xmx8g) or a smaller problem"})
public final class Main implements Callable<Integer> {

    /** Exit code for input errors. */
    public static final int EXIT_INPUT = 1;
    /** Exit code for usage errors (picocli's default for invalid input). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for internal errors. */
    public static final int EXIT_INTERNAL = 3;
    /** Exit code for resource exhaustion: the JVM ran out of heap or stack. */
    public static final int EXIT_RESOURCES = 4;

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
        var usage = cli.getCommandSpec().usageMessage();
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage()
                .exitCodeListHeading(usage.exitCodeListHeading()).exitCodeList(usage.exitCodeList()));
        return execute(cli, args);
    }

    /**
     * Executes {@code cli} with the error handling described in the class documentation: exceptions
     * become exit codes 1 or 3, and running out of heap or stack, which picocli passes on as an
     * {@link Error}, becomes exit code 4.
     *
     * @return the exit status
     */
    static int execute(CommandLine cli, String... args) {
        cli.setExecutionExceptionHandler(Main::handle);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            return exhausted(e, cli.getErr(), commandName(cli), debugRequested(cli.getParseResult()));
        }
    }

    private static String commandName(CommandLine cli) {
        String name = cli.getCommandName();
        for (ParseResult p = cli.getParseResult(); p != null; p = p.subcommand()) {
            name = p.commandSpec().name();
        }
        return name;
    }

    private static int exhausted(Throwable e, PrintWriter err, String command, boolean debug) {
        String advice = e instanceof StackOverflowError
                ? "stack overflow (the input is nested too deeply for the thread stack): simplify the input, or "
                        + "give Java a larger stack, e.g. JAVA_TOOL_OPTIONS=-Xss16m"
                : "out of memory (" + (e.getMessage() == null ? "" : e.getMessage() + ", ") + "maximum heap "
                        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): give Java more memory, e.g. "
                        + "JAVA_TOOL_OPTIONS=-Xmx8g, or use fewer points or samples";
        err.println("parax4j " + command + ": " + advice + "; files named by --out are left unchanged");
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return EXIT_RESOURCES;
    }

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("demo").execute(debug ? new String[] {"--debug"} : new String[0]);
    }

    private static int handle(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                return exhausted(t, err, command.getCommandName(), debugRequested(parsed));
            }
        }
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
