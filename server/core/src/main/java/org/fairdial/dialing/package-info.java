/**
 * Dialing: campaigns, their leads and how fast to call them. A {@link org.fairdial.dialing.CampaignRunner} owns
 * one campaign on the dialer thread: it reads the lead list, remembers each lead's outcome in the store so a
 * restart never redials early, honours redial lockouts, and paces calls (here progressive: calls in flight at
 * most ratio x available agents, within the trunk's channels). {@link org.fairdial.dialing.LeadImport} streams a
 * lead CSV through the campaign's column mapping; {@link org.fairdial.dialing.DialGate} applies every compliance
 * rule right before an INVITE and records each decision not to dial.
 */
package org.fairdial.dialing;
