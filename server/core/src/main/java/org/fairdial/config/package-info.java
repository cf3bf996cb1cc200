/**
 * Configuration: the HOCON tree (Typesafe Config) is read once at start-up into immutable records
 * ({@link org.fairdial.config.DialerConfig} and its parts) and validated as a whole. Every problem is collected
 * with its key path, file:line origin, bad value and the rule it breaks, and the server refuses to start on any
 * of them; nothing reads configuration lazily later. Records are passed to the components that need them
 * through constructors.
 */
package org.fairdial.config;
