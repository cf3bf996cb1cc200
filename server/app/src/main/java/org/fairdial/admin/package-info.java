/**
 * The operator surface, served in-process on Netty ({@link org.fairdial.admin.AdminServer}): a JSON API under
 * {@code /api} with bearer tokens and three roles, every state-changing request audited; a server-sent-events
 * stream ({@code /events}) of call, agent and campaign changes; Prometheus metrics ({@code /metrics}, Micrometer);
 * and the wallboard page at {@code /}. Nothing here runs on a call's executor longer than a queue offer: call
 * observers hand their events to the admin threads, and a slow HTTP client is dropped, never waited for.
 *
 * <p>What the API steers in other packages ({@link org.fairdial.admin.AgentControl},
 * {@link org.fairdial.admin.DoNotCallControl}, {@link org.fairdial.admin.ConfigReloader}) are interfaces here,
 * implemented by the application package, so this package depends on none of them. The endpoints are listed in
 * docs/api.md.
 */
package org.fairdial.admin;
