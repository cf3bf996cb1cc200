/**
 * The operator surface, served in-process on Netty ({@link org.fairdial.admin.AdminServer}): a JSON API under
 * {@code /api} with bearer tokens and three roles, every state-changing request audited; a server-sent-events
 * stream ({@code /events}) of call, agent and campaign changes; Prometheus metrics ({@code /metrics}, Micrometer);
 * and the wallboard page at {@code /}. Nothing here runs on a call's executor longer than a queue offer: call
 * observers hand their events to the admin threads, and a slow HTTP client is dropped, never waited for.
 *
 * <p>Controls other parts of the dialer will provide later ({@link org.fairdial.admin.AgentControl},
 * {@link org.fairdial.admin.DoNotCallControl}, {@link org.fairdial.admin.ConfigReloader}) are interfaces here;
 * until they are wired in, their endpoints answer 501 Not Implemented. The endpoints are listed in docs/api.md.
 */
package org.fairdial.admin;
