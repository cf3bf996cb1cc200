/**
 * What tests of every module share and that would otherwise be faked per test: a clock and scheduler that move
 * only when the test says ({@link org.fairdial.testkit.ManualTime}), the repository's own files
 * ({@link org.fairdial.testkit.Repository}), and SIP peers on JAIN-SIP over loopback that stand in for a carrier and
 * an agent's softphone where SIPp is not needed. It depends on no fairdial module, so every module can test with it.
 */
package org.fairdial.testkit;
