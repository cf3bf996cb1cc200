/**
 * Erasure and retention in the store module: {@link org.fairdial.privacy.erasure.PrivacyEraser} removes a number
 * from every table and the journal, {@link org.fairdial.privacy.erasure.RetentionJob} anonymizes or deletes call
 * data past the retention period, and {@link org.fairdial.privacy.erasure.ErasureGuard} keeps an erased number from
 * coming back through legs still in flight.
 */
package org.fairdial.privacy.erasure;
