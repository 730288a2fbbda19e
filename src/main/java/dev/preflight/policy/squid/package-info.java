/**
 * Reads a Squid configuration (following {@code include} files) and predicts what Squid does with a
 * request for each catalog endpoint: the {@code http_access} rules in order with Squid's implicit
 * final rule, {@code proxy_auth} challenges, and the {@code ssl_bump} steps. Directives and acl
 * types it does not model are reported as warnings, never silently ignored. It reads files only.
 */
package dev.preflight.policy.squid;
