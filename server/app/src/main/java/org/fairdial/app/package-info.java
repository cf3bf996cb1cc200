/**
 * The application: {@link org.fairdial.app.DialerServer} wires the configured parts together (store, CDR writer,
 * media engine, agents, SIP, calls, campaigns) and takes them down in order; {@link org.fairdial.app.DialerCli} is
 * the command line ({@code run}, {@code check}, {@code demo}).
 */
package org.fairdial.app;
