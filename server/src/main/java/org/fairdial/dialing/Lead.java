package org.fairdial.dialing;

/**
 * One row of a lead list.
 *
 * @param id     stable id within the campaign: the E.164 number (duplicates of a number are merged)
 * @param line   line number in the file, for messages
 * @param raw    number as written
 * @param e164   number normalized to E.164
 * @param name   callee name, or null
 */
public record Lead(String id, int line, String raw, String e164, String name) {
}
