/**
 * Offline evaluators for proxy and firewall configurations: PAC files, allowlists and Squid
 * configurations. Each answers "what happens to a request for this endpoint?" with the file, line
 * and rule that decided. It reads files only; it sends no traffic and depends only on the catalog.
 */
package dev.preflight.policy;
