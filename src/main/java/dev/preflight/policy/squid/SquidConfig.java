package dev.preflight.policy.squid;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed Squid configuration: the acls by name, the access lists in order, and what could not be
 * modelled.
 *
 * @param file the top-level configuration file
 * @param acls every acl by name, predefined ones included
 * @param aclLines the first line defining each user acl
 * @param httpAccess the http_access rules in order
 * @param sslBump the ssl_bump rules in order; empty when no port bumps
 * @param warnings what the parser could not model, one sentence each
 */
record SquidConfig(
    Path file,
    Map<String, Acl> acls,
    Map<String, ConfigLine> aclLines,
    List<AccessRule> httpAccess,
    List<AccessRule> sslBump,
    List<String> warnings) {
  SquidConfig {
    acls = Map.copyOf(acls);
    aclLines = Map.copyOf(aclLines);
    httpAccess = List.copyOf(httpAccess);
    sslBump = List.copyOf(sslBump);
    warnings = List.copyOf(warnings);
  }
}
