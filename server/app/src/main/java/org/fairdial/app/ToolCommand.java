package org.fairdial.app;

/**
 * A subcommand of {@code dialer} that lives outside the server (a store tool, the simulator, the demo): a picocli
 * {@code @Command} class listed in {@code META-INF/services/org.fairdial.app.ToolCommand} of its module, which
 * {@link DialerCli} adds to its command line when it is on the class path.
 */
public interface ToolCommand {
}
