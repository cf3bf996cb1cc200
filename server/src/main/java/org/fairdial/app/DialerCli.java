package org.fairdial.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialer run|check|demo|simulate}: the command line of the dialer. */
@Command(name = "dialer", mixinStandardHelpOptions = true, version = "fairdial 0.1",
        description = "SIP application server for compliant outbound calling.",
        subcommands = {RunCommand.class, CheckCommand.class, org.fairdial.demo.DemoCommand.class,
                org.fairdial.sim.SimulateCommand.class})
public final class DialerCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new DialerCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
