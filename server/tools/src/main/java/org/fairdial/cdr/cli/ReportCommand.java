package org.fairdial.cdr.cli;

import org.fairdial.app.ToolCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialer report ...}: reports from the CDR store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Reports from the CDR store.",
        subcommands = ComplianceReportCommand.class)
public final class ReportCommand implements ToolCommand, Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
