/**
 * Digest authentication for the registrar (RFC 2617 / RFC 3261 22): nonces that carry their own issue time and
 * an HMAC, so they need no server-side table and expire by themselves; nonce-count replay protection; MD5 with
 * qop=auth. Pure apart from the injected clock.
 */
package org.fairdial.sip.auth;
