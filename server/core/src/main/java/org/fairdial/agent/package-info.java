/**
 * Agents: who is registered, where their softphone is, and what they are doing (available, reserved, talking,
 * wrap-up, unavailable). {@link org.fairdial.agent.AgentRegistry} hands call control the longest-idle available
 * agent and tells the dialer when agents become available.
 */
package org.fairdial.agent;
