package dev.preflight.policy.squid;

import org.jspecify.annotations.Nullable;

/**
 * One way an access list can end for a request: the action taken and the rule that took it (null
 * for Squid's implicit final rule or an ssl_bump default).
 */
record Ending(String action, @Nullable AccessRule rule, String why) {
  /** The action Squid takes when an acl needs credentials the client did not send. */
  static final String CHALLENGE = "challenge";
}
