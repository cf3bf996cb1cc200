package org.fairdial.app;

import org.fairdial.cdr.cli.CdrCommand;
import org.fairdial.cdr.cli.PrivacyCommand;
import org.fairdial.cdr.cli.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialer run|check|demo|cdr|report|privacy}: the command line of the dialer. */
@Command(name = "dialer", mixinStandardHelpOptions = true, version = "fairdial 0.1",
        description = "SIP application server for compliant outbound calling.",
        subcommands = {RunCommand.class, CheckCommand.class, org.fairdial.demo.DemoCommand.class, CdrCommand.class,
                ReportCommand.class, PrivacyCommand.class})
public final class DialerCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new DialerCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
