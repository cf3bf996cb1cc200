/**
 * Do-not-call lists: {@link org.fairdial.dialing.dnc.CompactNumberSet}, an immutable in-memory set of E.164 numbers
 * at under 3 bytes a number for national registries; {@link org.fairdial.dialing.dnc.NumberListFile}, which loads a
 * registry or a campaign's own list into one; and {@link org.fairdial.dialing.dnc.DoNotCallLists}, the single check
 * made before each INVITE across registries, campaign lists and the internal list in the store.
 */
package org.fairdial.dialing.dnc;
