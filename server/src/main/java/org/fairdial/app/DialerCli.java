package org.fairdial.app;

import org.fairdial.cdr.cli.CdrCommand;
import org.fairdial.cdr.cli.PrivacyCommand;
import org.fairdial.cdr.cli.ReportCommand;
import org.fairdial.demo.DemoCommand;
import org.fairdial.sim.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialer run|check|demo|simulate|cdr|report|privacy}: the command line of the dialer. */
@Command(name = "dialer", mixinStandardHelpOptions = true, version = "fairdial 0.1",
        description = "SIP application server for compliant outbound calling.",
        subcommands = {RunCommand.class, CheckCommand.class, DemoCommand.class,
                SimulateCommand.class, CdrCommand.class, ReportCommand.class, PrivacyCommand.class})
public final class DialerCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new DialerCli()).setExecutionExceptionHandler(DialerCli::failed).execute(args));
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
