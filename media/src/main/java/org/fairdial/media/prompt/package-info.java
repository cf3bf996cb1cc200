/**
 * What a waiting caller hears: comfort noise at a steady level and the caller-identification prompt mixed on
 * top. Compliance rules (Ofcom's abandoned-call message, the Garante's comfort noise) make these part of the
 * call's legal record, so prompts are validated when loaded and levels are defined precisely.
 */
package org.fairdial.media.prompt;
