/**
 * Compliance: the legal limits a campaign runs under, as jurisdiction profiles (Italy's Garante, the UK's
 * Ofcom, the US Telemarketing Sales Rule) and as small pure rules that answer allow/deny with a reason and the
 * regulation they come from. Nothing here does I/O or reads a clock of its own; callers pass the time in.
 */
package org.fairdial.compliance;
