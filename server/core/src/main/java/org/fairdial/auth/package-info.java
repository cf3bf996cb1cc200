/**
 * HTTP digest arithmetic (RFC 2617, RFC 7616): the HA1 the configuration stores for each agent and the response the
 * registrar and the trunk client compute, in one leaf package that the configuration and the SIP adapter share.
 */
package org.fairdial.auth;
