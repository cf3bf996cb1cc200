/**
 * Privacy by default: phone numbers never reach logs in full (only their last digits), so log files, log
 * shippers and support tickets hold no personal data the dialer does not need.
 */
package org.fairdial.privacy;
