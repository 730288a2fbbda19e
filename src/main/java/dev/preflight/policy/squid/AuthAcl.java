package dev.preflight.policy.squid;

import java.util.List;

/**
 * {@code proxy_auth} and {@code proxy_auth_regex}. A device in OOBE sends no credentials, and Squid
 * answers any evaluation of such an acl without credentials with a 407 challenge, whatever the
 * action of the rule or a negation in front of the acl.
 */
final class AuthAcl implements Acl {
  private final String type;

  AuthAcl(String type) {
    this.type = type;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public void add(List<AclValue> values) {
    // The user names do not matter: without credentials none of them can match.
  }

  @Override
  public Tri match(SquidRequest request) {
    return Tri.AUTH;
  }
}
