/**
 * The loopback demo behind {@code dialer demo}: a carrier and agents' softphones that speak real SIP (their own
 * JAIN-SIP stacks on other ports) and real RTP (their own media engine) to a dialer started with
 * {@code config/demo.conf}, so a newcomer watches calls flow with nothing installed but a JDK and Maven.
 */
package org.fairdial.demo;
