package dev.preflight.policy.squid;

import java.util.List;

/**
 * One {@code http_access} or {@code ssl_bump} line: an action and the acls that must all match.
 *
 * @param action {@code allow}, {@code deny}, or an ssl_bump action
 * @param acls the acls, ANDed left to right
 * @param line where it is written
 */
record AccessRule(String action, List<AclRef> acls, ConfigLine line) {
  AccessRule {
    acls = List.copyOf(acls);
  }
}
