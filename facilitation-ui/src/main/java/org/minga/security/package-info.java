/**
 * Who may do what: facilitators, tokens, table codes, share links, throttling, CSRF and
 * live-stream access.
 */
package org.minga.security;
