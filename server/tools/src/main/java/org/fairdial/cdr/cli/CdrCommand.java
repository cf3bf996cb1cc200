package org.fairdial.cdr.cli;

import org.fairdial.app.ToolCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialer cdr ...}: the CDR store. */
@Command(name = "cdr", mixinStandardHelpOptions = true,
        description = "Call detail records: export.", subcommands = CdrExportCommand.class)
public final class CdrCommand implements ToolCommand, Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
