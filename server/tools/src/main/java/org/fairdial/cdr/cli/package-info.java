/**
 * The store tools of the command line: {@code cdr export}, {@code report compliance}, {@code privacy erase} and
 * {@code privacy purge}, reading the same configuration file as the server to find the store.
 */
package org.fairdial.cdr.cli;
