/**
 * {@code dialer cdr export}: legs of a period streamed from the store as CSV, JSON Lines or Asterisk's Master.csv
 * layout, in constant memory.
 */
package org.fairdial.cdr.export;
