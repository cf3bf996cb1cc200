/**
 * Privacy by default: phone numbers never reach logs in full (only their last digits, as many as configured), call
 * data is anonymized or deleted after the retention period ({@code privacy.erasure.RetentionJob}), and
 * {@code privacy.erasure.PrivacyEraser} erases a number everywhere the dialer keeps it, leaving only its keyed
 * hash ({@link org.fairdial.privacy.NumberHasher}) for the audit and, when the person opted out, the do-not-call
 * list ({@link org.fairdial.privacy.OptOutRegistry}). Optionally numbers and lead fields are encrypted at rest
 * ({@link org.fairdial.privacy.PersonalData}): AES-256-GCM envelopes with key ids ({@link
 * org.fairdial.privacy.FieldCipher}) and a keyed blind index for lookups ({@link org.fairdial.privacy.BlindIndex}),
 * keys from the environment only.
 */
package org.fairdial.privacy;

