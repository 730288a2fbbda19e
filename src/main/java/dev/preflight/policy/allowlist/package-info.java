/**
 * Reads a firewall allowlist (a host or wildcard a line, or CSV with a host column) and says which
 * catalog endpoints it leaves out. It reads one file and nothing else.
 */
package dev.preflight.policy.allowlist;
