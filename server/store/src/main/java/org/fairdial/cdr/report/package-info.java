/**
 * Compliance reports: per campaign and per regulatory window (UK each day, US each 30 days, IT cumulative), the
 * abandon rate, the worst abandoned call and redials inside a lockout, kept in the store so their history outlives
 * the retention of call data. All window arithmetic is in {@link org.fairdial.compliance.ComplianceWindows}.
 */
package org.fairdial.cdr.report;

import org.fairdial.compliance.ComplianceWindows;
