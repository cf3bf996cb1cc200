package org.fairdial.app;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dialer run|check}, plus every {@link ToolCommand} on the class path ({@code demo}, {@code simulate},
 * {@code cdr}, {@code report}, {@code privacy} from the tools module): the command line of the dialer. The tools
 * are found through {@link ServiceLoader} so that the server module does not depend on them.
 */
@Command(name = "dialer", mixinStandardHelpOptions = true, version = "fairdial 0.1",
        description = "SIP application server for compliant outbound calling.",
        subcommands = {RunCommand.class, CheckCommand.class})
public final class DialerCli implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().setExecutionExceptionHandler(DialerCli::failed).execute(args));
    }

    /** The command line with every tool found on the class path. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new DialerCli());
        for (ToolCommand tool : ServiceLoader.load(ToolCommand.class, DialerCli.class.getClassLoader())) {
            cli.addSubcommand(tool);
        }
        return cli;
    }

    /**
     * A command that cannot run (a port taken, a store unreachable, a file unreadable) says why in a line per
     * cause, not with a stack trace; FAIRDIAL_DEBUG=1 shows the trace too.
     */
    private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        System.err.println(command.getCommandName() + ": " + e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !e.getMessage().contains(cause.getMessage())) {
                System.err.println("  because: " + cause.getMessage());
            }
        }
        if (System.getenv("FAIRDIAL_DEBUG") != null) {
            e.printStackTrace(System.err);
        }
        return 1;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
