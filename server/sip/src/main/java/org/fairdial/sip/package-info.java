/**
 * The JAIN-SIP adapter, and the only package that names {@code gov.nist.*} classes and properties. It turns SIP
 * messages into {@link org.fairdial.call.CallEvent}s posted to call sessions (listener threads never block and
 * never touch call state), carries out the signalling effects of call control (INVITE through a trunk with digest
 * answers to 401/407, CANCEL only after a provisional response, ACK, BYE), and serves agents as a registrar with
 * digest authentication. Malformed traffic is answered with 400 by the stack or dropped, and counted.
 */
package org.fairdial.sip;
