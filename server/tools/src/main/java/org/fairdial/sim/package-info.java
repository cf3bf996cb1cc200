/**
 * The shift simulator: a discrete-event model of a team, its callees and the network, driven by the real pacers
 * and compliance rules, with baselines (progressive, fixed ratio, a VICIdial adaptive emulation) and the
 * {@code simulate} command that prints their figures side by side. It proves the pacer's claims; nothing here
 * runs in the live dialer.
 */
package org.fairdial.sim;
