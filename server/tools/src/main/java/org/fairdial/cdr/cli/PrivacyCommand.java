package org.fairdial.cdr.cli;

import org.fairdial.app.ToolCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dialer privacy ...}: personal data in the store. */
@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = "Personal data: erase a number, apply retention now, re-encrypt under the current key.",
        subcommands = {PrivacyEraseCommand.class, PrivacyPurgeCommand.class, PrivacyRotateKeysCommand.class})
public final class PrivacyCommand implements ToolCommand, Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
