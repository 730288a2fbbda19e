package dev.preflight.policy.squid;

import java.util.List;

/**
 * An acl with a fixed answer: an unmodelled type (UNKNOWN), or one whose answer is known for every
 * catalog request (Squid 5 predefines {@code manager} and {@code to_localhost}: catalog hosts are
 * public Microsoft names, never cache-manager URLs or loopback addresses).
 */
final class FixedAcl implements Acl {
  private final String type;
  private final Tri answer;

  FixedAcl(String type, Tri answer) {
    this.type = type;
    this.answer = answer;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public void add(List<AclValue> values) {
    // The answer does not depend on the values.
  }

  @Override
  public Tri match(SquidRequest request) {
    return answer;
  }

  @Override
  public boolean modelled() {
    return answer != Tri.UNKNOWN;
  }
}
