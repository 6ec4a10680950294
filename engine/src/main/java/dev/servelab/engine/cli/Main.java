package dev.servelab.engine.cli;

import dev.servelab.engine.ServeLabException;
import picocli.CommandLine;

import java.util.ServiceLoader;

/**
 * The {@code servelab} command line. Subcommands of other modules ({@code trace}, {@code predict},
 * {@code gui}, …) are added through {@link CommandProvider}. Input errors print one line naming the
 * file and line or node and field, and exit with status 2; cancelled runs exit with 130.
 */
public final class Main {
    public static final int EXIT_INPUT_ERROR = 2;
    public static final int EXIT_CANCELLED = 130;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ServelabCommand());
        for (CommandProvider p : ServiceLoader.load(CommandProvider.class)) {
            for (Object cmd : p.commands()) cl.addSubcommand(cmd);
        }
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof ServeLabException) {
                line.getErr().println("error: " + ex.getMessage());
                return EXIT_INPUT_ERROR;
            }
            throw ex;
        });
        return cl;
    }

    /**
     * A command-line usage error (unknown option, missing parameter, a value of the wrong type): one
     * line naming the problem and where to read more, not the whole usage text; exit status 2.
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage().strip().replace('\n', ' ');
        cmd.getErr().println("error: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return EXIT_INPUT_ERROR;
    }
}
