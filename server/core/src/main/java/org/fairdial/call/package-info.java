/**
 * Call control: one explicit state machine per dialer call (a customer leg through a trunk, possibly bridged to
 * an agent leg). {@link org.fairdial.call.CallTransitions} is a pure function from (status, event) to (status,
 * effects); {@link org.fairdial.call.CallSession} runs it on the call's own serial executor and hands the effects to
 * ports ({@link org.fairdial.call.CallSignalling}, {@link org.fairdial.call.AgentPool}, the media engine, the CDR
 * sink). No JAIN-SIP, Netty or JDBC type appears here: SIP listener threads only post events and return.
 */
package org.fairdial.call;
